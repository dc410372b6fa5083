import type { TargetOp } from '../plan.js';
import { foldWidth } from './text-width.js';
import { parseChineseNumeral, scaleDecimal } from './chinese-numerals.js';
import { SpanIndex } from './spans.js';

/**
 * Quantitative targets in a clause: "融资达15亿元以上" → metric 融资, ≥ 1 500 000 000 元.
 * The value is given in base units (万/亿 folded in), the direction from the words around the
 * number (达/超/突破/不少于 … 以上 → ≥; 以内/不超过/缩小到 → ≤; otherwise =).
 */

export interface FoundTarget {
  metric: string;
  op: TargetOp;
  value: number | null;
  unit: string;
  /** The words the target was read from, e.g. "达15亿元以上" (a substring of the clause). */
  text: string;
  start: number;
  end: number;
}

// Longest first, so that 平方公里 wins over 公里 and 个百分点 over 个.
const UNITS = [
  '平方公里',
  '平方米',
  '个工作日',
  '工作日',
  '个百分点',
  '百分点',
  '公顷',
  '亿元',
  '万元',
  '千元',
  '元',
  '人次',
  '万人',
  '户次',
  '%',
  '‰',
  '亩',
  '人',
  '户',
  '家',
  '个',
  '项',
  '件',
  '场',
  '次',
  '所',
  '支',
  '台',
  '座',
  '条',
  '名',
  '吨',
  '辆',
  '套',
  '宗',
  '处',
  '张',
  '期',
  '批',
  '间',
  '头',
  '株',
  '公里',
  '千米',
  '米',
  '天',
  '日',
  '小时',
  '分钟',
  '分',
  '倍',
  '栋',
  '艘',
  '篇',
  '部',
  '款',
  '位',
  '床',
  '万',
  '亿',
];
const UNIT_ALT = UNITS.map((u) => u.replace('%', '%')).join('|');
/** Units whose leading magnitude is folded into the value. */
const UNIT_SCALE: Record<string, [string, number]> = {
  亿元: ['元', 8],
  万元: ['元', 4],
  千元: ['元', 3],
  万人: ['人', 4],
  万: ['', 4],
  亿: ['', 8],
  个工作日: ['工作日', 0],
};
const MAGNITUDE: Record<string, number> = { 万: 4, 亿: 8, 千: 3, 百: 2 };

const NUM = String.raw`\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+`;
const TARGET = new RegExp(
  String.raw`(?<num>${NUM})(?:\s*[-—–~～至到]\s*(?<num2>\d+(?:\.\d+)?))?\s*(?<more>余|多)?` +
    String.raw`(?<mag>[万亿千](?=\s*(?:${UNIT_ALT}|余|多|以上|以内|$|[，,；;。、）)\s])))?(?<more2>余|多)?` +
    String.raw`\s*(?<unit>${UNIT_ALT})?\s*(?<suffix>及以上|以上|以内|以下|之内|左右)?`,
  'gu',
);
const GE_BEFORE =
  /(?:超过|超|突破|不少于|不低于|至少|达到|达|提高到|提高至|提升到|提升至|增加到|增加至|扩大到|增至|多于|高于|累计达|力争达)\s*$/u;
const LE_BEFORE =
  /(?:不超过|不高于|控制在|缩小到|缩小至|降低到|降低至|降到|降至|低于|少于|压减到|压减至|压缩到|压缩至|减少到|减少至)\s*$/u;
const OP_WORDS =
  /(?:累计达到|力争达到|超过|突破|不少于|不低于|至少|达到|提高到|提高至|提升到|提升至|增加到|增加至|扩大到|增至|多于|高于|不超过|不高于|控制在|缩小到|缩小至|降低到|降低至|降到|降至|低于|少于|压减到|压减至|压缩到|压缩至|减少到|减少至|超|达|为|在)$/u;
const QUALIFIER_AFTER = /^[\u4e00-\u9fff]{1,2}(?:占比|比例|占|达到|达)/u;
const DELIM = /[，,；;。：:、！？!?\n]/u;
const METRIC_WINDOW = 200;
const BLANK = new RegExp(
  String.raw`(?:达到|达|超过|不少于|不低于|提高到|提升到|为)(?<gap>[\s_＿]*)(?<unit>%|万元|亿元|元|个|家|人次|人|户|亩)(?<suffix>以上|以内)?`,
  'gu',
);
const TWO_DIGIT = /两位数(?:以上)?(?:的)?增长|增长(?:达到?)?两位数(?:以上)?/gu;

export function findTargets(clause: string, excluded: [number, number][] = []): FoundTarget[] {
  const text = foldWidth(clause);
  const exclude = new SpanIndex(excluded);
  const blocked = new SpanIndex([...excluded, ...quotedSpans(text)]);
  const out: FoundTarget[] = [];
  const overlaps = (s: number, e: number) => blocked.overlaps(s, e);

  for (const m of text.matchAll(TWO_DIGIT)) {
    const start = m.index!;
    out.push(make(clause, text, start, start + m[0].length, '>=', 10, '%', start, exclude));
  }
  for (const m of text.matchAll(BLANK)) {
    const g = m.groups!;
    if (g.gap === '' && g.unit !== '%') continue;
    const start = m.index!;
    if (overlaps(start, start + m[0].length)) continue;
    const op: TargetOp = g.suffix === '以内' ? '<=' : '>=';
    const unit = g.unit === '万元' || g.unit === '亿元' ? '元' : g.unit!;
    out.push(make(clause, text, start, start + m[0].length, op, null, unit, start, exclude));
  }

  // Matches of TARGET never overlap one another, only the blank and two-digit targets above.
  const found = new SpanIndex(out.map((t) => [t.start, t.end]));
  for (const m of text.matchAll(TARGET)) {
    const g = m.groups!;
    const start = m.index!;
    let end = start + m[0].replace(/\s+$/u, '').length;
    if (overlaps(start, end) || found.overlaps(start, end)) continue;
    const prev = text[start - 1] ?? '';
    const next = text[end] ?? '';
    // Codes, versions and names: 5G, 3A景区, 2.0版, R&D, 1+X, ①.
    if (/[A-Za-z&+.\d]/u.test(prev) || /[A-Za-z&+]/u.test(next)) continue;
    if (/^[.\d]/u.test(next) && !g.unit) continue;
    if (/从\s*$/u.test(text.slice(Math.max(0, start - 2), start))) continue; // a baseline: 从3.6万元增加到…
    if (/[每第]$/u.test(prev)) continue;
    // A quantity that names a kind of thing ("20万元村达25%", "30万元以上村占比60%") is not a target.
    if (QUALIFIER_AFTER.test(text.slice(end, end + 8))) continue;
    const isHan = !/^\d/u.test(g.num!);
    const before = text.slice(Math.max(0, start - 8), start);
    // The longer verb wins: "不超过" (≤) contains "超过" (≥), "不低于" (≥) contains "低于" (≤).
    const geLen = GE_BEFORE.exec(before)?.[0].trim().length ?? 0;
    const leLen = LE_BEFORE.exec(before)?.[0].trim().length ?? 0;
    const opBefore: TargetOp | null = geLen === 0 && leLen === 0 ? null : leLen > geLen ? '<=' : '>=';
    if (!g.unit && !g.suffix && !opBefore) continue; // a bare number is not a target
    if (isHan) {
      // Chinese numerals: "十个示范站点", "百支队伍" yes; "一批", "三大", a lone 一 without a verb of measure no.
      if (!g.unit || g.unit === '万' || g.unit === '亿') continue;
      if (/^[一两二三四五六七八九]$/u.test(g.num!) && !opBefore) continue;
      if (g.num === '一' && !opBefore) continue;
    }
    if (g.unit === undefined && g.mag === undefined && g.num!.length > 6 && !isHan) continue;
    const numText = g.num!;
    let value = isHan ? parseChineseNumeral(numText) : Number(numText);
    if (value === null || Number.isNaN(value)) continue;
    let unit = g.unit ?? '';
    let power = 0;
    if (g.mag) power += MAGNITUDE[g.mag]!;
    const scale = UNIT_SCALE[unit];
    if (scale) {
      unit = scale[0];
      power += scale[1];
    }
    if (power > 0) value = isHan ? value * 10 ** power : scaleDecimal(numText, power);
    // Hundreds of digits (a pasted ID, noise) overflow to Infinity: no measurable value.
    if (!Number.isFinite(value)) continue;
    let op: TargetOp = opBefore ?? '=';
    if (g.suffix === '以上' || g.suffix === '及以上' || g.more || g.more2) op = '>=';
    else if (g.suffix === '以内' || g.suffix === '以下' || g.suffix === '之内') op = '<=';
    else if (g.suffix === '左右') op = '=';
    // A range "1—2个" promises at least its lower bound.
    if (g.num2 !== undefined) op = '>=';
    const opStart = opBefore ? start - (before.match(OP_WORDS)?.[0].length ?? 0) : start;
    if (!g.unit && !g.suffix) end = start + g.num!.length + (g.mag?.length ?? 0);
    out.push(make(clause, text, opStart, end, op, value, unit, start, exclude));
  }
  out.sort((a, b) => a.start - b.start);
  // "新增普惠性托位180个，累计达到300个": a number whose words were all verbs measures what the one before it measured.
  out.forEach((t, i) => {
    if (t.metric === '' && i > 0) t.metric = out[i - 1]!.metric;
  });
  return out;
}

function make(
  clause: string,
  folded: string,
  start: number,
  end: number,
  op: TargetOp,
  value: number | null,
  unit: string,
  numStart: number,
  exclude: SpanIndex,
): FoundTarget {
  return {
    metric: metricOf(folded, clause, start, end, numStart, exclude),
    op,
    value,
    unit,
    text: clause.slice(start, end),
    start,
    end,
  };
}

/**
 * What is measured: the words before the number back to the clause's start, with the verb of
 * measure dropped ("…融资达" → "…融资"), plus the noun after the unit when the number sits
 * inside a phrase ("建设改造2家新型示范乡村便利店" → "建设改造新型示范乡村便利店").
 */
function metricOf(
  folded: string,
  clause: string,
  start: number,
  end: number,
  numStart: number,
  exclude: SpanIndex,
): string {
  // A metric is a few words: the scans stop METRIC_WINDOW characters away, so a clause of
  // thousands of numbers without a comma is not walked once per number.
  let from = start;
  const stop = Math.max(0, start - METRIC_WINDOW);
  while (from > stop && !DELIM.test(folded[from - 1]!)) from--;
  // A date phrase at the head of the clause says when, not what.
  for (let k = exclude.firstStartingAt(from - 1); k < exclude.spans.length; k++) {
    const [a, b] = exclude.spans[k]!;
    if (a >= start) break;
    if (b <= start && b > from && a >= from - 1) from = b;
  }
  let head = clause.slice(from, Math.min(start, numStart)).trim();
  head = head
    .replace(/从\s*[\d.零〇一二两三四五六七八九十百千万亿]+[^，,；;]*$/u, '')
    .trim()
    .replace(OP_WORDS, '')
    .replace(/(?:力争|争取|确保|预计)$/u, '')
    .replace(/^(?:\d{1,2}\s*[.、]|力争|争取|确保|预计)+/u, '')
    .trim();
  let to = end;
  const limit = Math.min(folded.length, end + METRIC_WINDOW);
  while (to < limit && !DELIM.test(folded[to]!)) to++;
  const tail = clause.slice(end, to).replace(/^的/u, '').trim();
  const joined = head && tail ? `${head}${tail}` : head || tail;
  return joined.length > 40 ? `${joined.slice(0, 39)}…` : joined;
}

/** 《…》 titles and “…” names hold numbers that are names, not targets ("“211”发展目标"). */
function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  // …and a bracket that says what is involved (（涉及…）, （包括…）) describes scope, not a target.
  for (const m of text.matchAll(
    /《[^》]*》|“[^”]{0,20}”|"[^"]{0,20}"|[（(](?:涉及|包括|含|其中包括|如)[^）)]*[）)]/gu,
  )) {
    spans.push([m.index!, m.index! + m[0].length]);
  }
  return spans;
}
