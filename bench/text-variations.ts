import type { Rng } from './prng.js';

/**
 * Rewrites of the seed's cell texts that keep their shape but change what the extractors see:
 * other places, other amounts and magnitudes, other deadline phrasings, other unit spellings.
 * Each rewrite stays inside what the design says a plan may contain, so that a generated plan
 * exercises the same code paths as a real one rather than inventing new ones.
 */

export interface Places {
  /** The county's place name without 县 (三门 in the seed). */
  stem: string;
  /** The city it belongs to (台州 in the seed). */
  city: string;
}

const SEED_STEM = '三门';
const SEED_CITY = '台州';

export function renamePlaces(text: string, places: Places): string {
  return text.replaceAll(SEED_STEM, places.stem).replaceAll(SEED_CITY, places.city);
}

/** Moves every year by `offset`, so that a plan for 2023 keeps the seed's relative deadlines. */
export function shiftYears(text: string, offset: number): string {
  if (offset === 0) return text;
  // Not (?<![.]): "1.2022年" is a list marker glued to a year and must shift too.
  return text.replace(/(?<!\d)20[1-3]\d(?!\d)/gu, (y) => String(Number(y) + offset));
}

const QUANTITY = /(?<![\d.])(\d+(?:\.\d+)?)(\s*)(亿元|万元|元|%|％|人次|个|家|场|人|户|亩|项|件)/gu;

/**
 * New amounts for the quantities of one cell. One factor per cell keeps the cell's figures in
 * proportion ("从3.6万元增加到4.6万元" stays an increase); money may change magnitude
 * (15亿元 → 4800万元), percentages stay percentages.
 */
export function varyQuantities(text: string, rng: Rng): string {
  const factor = 0.3 + rng.next() * 2.7;
  const pctFactor = 0.85 + rng.next() * 0.3;
  return text.replace(QUANTITY, (whole, num: string, space: string, unit: string, offset: number) => {
    // "2.10个" at the head of a line is a list marker and a count, not the decimal 2.10.
    if (num.includes('.') && (offset === 0 || text[offset - 1] === '\n')) return whole;
    const v = Number(num);
    switch (unit) {
      case '%':
      case '％':
        return v >= 100 ? whole : `${clamp(Math.round(v * pctFactor), 1, 99)}${space}${unit}`;
      case '亿元':
      case '万元':
        return money(v * (unit === '亿元' ? 1e8 : 1e4) * factor, rng);
      case '元':
        return `${Math.max(1, Math.round(v * factor))}${space}元`;
      default:
        return `${Math.max(1, Math.round(v * factor))}${space}${unit}`;
    }
  });
}

/** Yuan → "8.5亿元" or "8500万元": large sums are written either way in real plans. */
function money(yuan: number, rng: Rng): string {
  const yi = yuan / 1e8;
  if (yi >= 1 && rng.chance(0.75)) return `${trim(yi, yi >= 10 ? 0 : 1)}亿元`;
  return `${trim(Math.max(1, yuan / 1e4), 0)}万元`;
}

function trim(v: number, decimals: number): string {
  return String(Number(v.toFixed(decimals)));
}

function clamp(v: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, v));
}

const QUARTERS = ['一', '二', '三', '四'];
const MONTH_DEADLINE = /(?<!\d)(20\d\d)年(\d{1,2})月(底|末)?(前|以前|之前)?/gu;

/**
 * Other deadlines for one cell: every month moves by the same step (the cell's milestones keep
 * their order) and some are written the other ways plans write them — 年底前, 上半年, 三季度,
 * a month without its year.
 */
export function varyDates(text: string, rng: Rng): string {
  const step = rng.pick([-2, -1, 0, 0, 1, 2]);
  return text.replace(MONTH_DEADLINE, (_w, y: string, m: string, span = '', before = '', offset: number) => {
    const month = clamp(Number(m) + step, 1, 12);
    const r = rng.next();
    if (month === 12 && r < 0.25) return '年底前';
    if (month === 12 && r < 0.5) return `${y}年底前`;
    if (month === 6 && r < 0.3) return `${y}年上半年`;
    if (month % 3 === 0 && r < 0.25)
      return `${y}年${rng.chance(0.5) ? '第' : ''}${QUARTERS[month / 3 - 1]}季度末前`;
    // A year-less month after "1." would read as the decimal 1.6: keep the year there.
    const prev = text[offset - 1] ?? '';
    if (r > 0.9 && !/[\d.．]/u.test(prev)) return `${month}月${span || '底'}${before || '前'}`;
    return `${y}年${month}月${span}${before}`;
  });
}

const BLANKABLE = /(达到|达|超过|不低于)(\d+(?:\.\d+)?)\s*(%|％)/u;

/** "参保率达95%" → "参保率达  %": a figure the drafters meant to fill in later. Null when none. */
export function blankOneTarget(text: string): string | null {
  return BLANKABLE.test(text) ? text.replace(BLANKABLE, '$1  $3') : null;
}

/** Spellings of one unit that plans mix: abbreviations, and 和 written or left out. */
const SPELLINGS: string[][] = [
  ['发改局', '发展和改革局', '发展改革局'],
  ['经信局', '经济和信息化局', '经济信息化局'],
  ['人力社保局', '人力资源和社会保障局', '人力资源社会保障局'],
  ['自然资源和规划局', '自然资源规划局'],
  ['医保局', '医疗保障局'],
  ['卫生健康局', '卫健局'],
  ['市场监管局', '市场监督管理局'],
  ['文广旅体局', '文化广电旅游体育局'],
];

/**
 * The units cell with some names spelled another way or prefixed with the county's name
 * (县农业农村局 → 清溪县农业农村局), and another separator: what UNIT_ALIAS exists for.
 */
export function varyUnits(cell: string, rng: Rng, places: Places): string {
  const names = cell
    .split(/[、，,\n]/u)
    .map((s) => s.trim())
    .filter(Boolean);
  const varied = names.map((name) => {
    let out = name;
    if (rng.chance(0.15)) {
      const group = SPELLINGS.find((g) => g.some((s) => out.endsWith(s)));
      const from = group?.find((s) => out.endsWith(s));
      if (group && from) out = out.slice(0, -from.length) + rng.pick(group.filter((s) => s !== from));
    }
    if (out.startsWith('县') && rng.chance(0.1)) out = `${places.stem}${out}`;
    return out;
  });
  const sep = rng.pick(['、', '、', '、', '，', '\n']);
  return varied.join(sep);
}
