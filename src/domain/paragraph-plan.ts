import type { RawDocument } from './raw-table.js';
import { emptyRow, type PlanRow, type PlanTable } from './table-rows.js';
import { foldWidth } from './extract/text-width.js';
import { findDatePhrases } from './extract/dates.js';
import { parseChineseNumeral } from './extract/chinese-numerals.js';
import { trailingResponsibility, responsibilityLine, type Responsibility } from './extract/responsibility.js';

/**
 * Plans written as numbered paragraphs (责任分工方案, 任务分解方案): section headings (一、 （一）),
 * numbered items (1. 2、), each ending with who is responsible in brackets or on lines of its
 * own. They become the same rows a table would give, so everything after (extraction, lint,
 * storage) treats them alike.
 */

const H1 = /^\s*(?<n>[一二三四五六七八九十]{1,3})\s*[、.]\s*(?<text>.+)$/u;
const H2 = /^\s*[(（]\s*(?<n>[一二三四五六七八九十]{1,3})\s*[)）]\s*(?<text>.+)$/u;
const ITEM = /^\s*(?<n>\d{1,3})\s*[.、]\s*(?!\d(?!\d{3}\s*年))(?<text>.+)$/u;
const ATTACHMENT = /^附件\s*[\d一二三四五六七八九十]*\s*[:：]?\s*/u;
const TITLE_WORDS = /方案|分工|任务|清单|要点|计划|措施|意见|通知|一本账|台账/u;
const ISSUE_DATE =
  /^\s*[(（]?\s*((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日\s*[)）]?\s*$/u;
const DOC_NUMBER = /〔((?:19|20)\d{2})〕|\[((?:19|20)\d{2})\]/u;

export interface ParagraphPlan extends PlanTable {
  /** Year of the issuing date or document number, when the title has none. */
  issuedYear: number | null;
}

/** Reads numbered paragraphs as plan rows; null when there are none. */
export function paragraphPlan(doc: RawDocument, opts: { requireUnits?: boolean } = {}): ParagraphPlan | null {
  const rows: PlanRow[] = [];
  const before: string[] = [];
  let h1: string | undefined;
  let h2: string | undefined;
  let sectionStart = false;
  let current: { row: PlanRow; lines: string[]; resp: Responsibility[]; deadline?: string } | null = null;
  let issuedYear: number | null = null;

  const close = () => {
    if (!current) return;
    finishRow(current.row, current.lines, current.resp);
    rows.push(current.row);
    current = null;
  };

  doc.paragraphs.forEach((raw, index) => {
    const line = foldWidth(raw).trim();
    if (!line) return;
    const issued = ISSUE_DATE.exec(line) ?? (rows.length === 0 && !current ? DOC_NUMBER.exec(line) : null);
    if (issued) {
      const y = issued[1] ?? issued[2];
      // "2023年3月15日", or in numerals as older documents date themselves: "二〇二三年三月十五日".
      const year = y === undefined ? null : /^\d+$/u.test(y) ? Number(y) : parseChineseNumeral(y);
      if (year !== null) issuedYear ??= year;
      if (ISSUE_DATE.test(line)) return;
    }
    const resp = responsibilityLine(raw);
    if (resp && current) {
      current.resp.push(resp);
      return;
    }
    const h1m = H1.exec(line);
    const h2m = h1m ? null : H2.exec(line);
    if ((h1m || h2m) && !trailingResponsibility(raw)) {
      close();
      if (h1m) {
        h1 = raw.trim();
        h2 = undefined;
      } else {
        h2 = raw.trim();
      }
      sectionStart = true;
      return;
    }
    const item = ITEM.exec(line);
    if (item) {
      close();
      const section = [h1, h2].filter(Boolean).join(' / ') || undefined;
      const row: PlanRow = { ...emptyRow(sectionStart, 0, index + 1), number: item.groups!.n! };
      if (section) row.section = section;
      sectionStart = false;
      current = { row, lines: [raw.trim().replace(/^\s*\d{1,3}\s*[.、．]\s*/u, '')], resp: [] };
      return;
    }
    if (current) current.lines.push(raw.trim());
    else if (rows.length === 0 && h1 === undefined) before.push(raw.trim());
  });
  close();

  const kept = opts.requireUnits ? rows.filter((r) => r.units.length > 0) : rows;
  if (kept.length === 0) return null;
  // Items numbered afresh in each section would collide: number them through the document.
  const restarts = kept.some((r, i) => i > 0 && Number(r.number) <= Number(kept[i - 1]!.number));
  return {
    title: pickTitle(before),
    rows: kept,
    columns: [
      { header: '序号', field: 'number' },
      { header: '任务', field: 'title' },
      { header: '主要目标', field: 'goals' },
      { header: '责任单位', field: 'units' },
    ],
    hasNumberColumn: !restarts,
    issuedYear,
  };
}

/** Splits an item's text into title (its first sentence) and goals (all of it), and attaches units. */
function finishRow(row: PlanRow, lines: string[], lineResp: Responsibility[]): void {
  let text = lines.join('\n');
  const resp: Responsibility[] = [...lineResp];
  // The bracket may close the first line when the item goes on below it, or the last line.
  for (let i = lines.length - 1; i >= 0; i--) {
    const found = trailingResponsibility(lines[i]!);
    if (found) {
      lines[i] = found.body;
      resp.unshift(found.responsibility);
      text = lines.filter(Boolean).join('\n');
      break;
    }
  }
  const first = /^[^。；;\n]+/u.exec(text)?.[0] ?? text;
  row.title = beforeDeadline(first)
    .replace(/[，,：:]$/u, '')
    .trim();
  row.goals = text.trim();
  for (const r of resp) {
    row.units.push(
      ...r.units.map((u) =>
        u.label ? { text: u.text, role: u.role, label: u.label } : { text: u.text, role: u.role },
      ),
    );
    // "（牵头单位：…，6月底完成）": the deadline belongs to the item; its clause, as written,
    // joins the goals on a line of its own, where extraction reads it as a milestone.
    if (r.deadlineText && !row.goals.includes(r.deadlineText)) row.goals += `\n${r.deadlineText}`;
  }
}

/**
 * An item written as one sentence ("实施…计划，年底前，城乡居民收入倍差缩小到1.7以内"): its
 * title is the words before the first clause that a deadline heads, as a table would have
 * them in its own column.
 */
function beforeDeadline(sentence: string): string {
  let at = 0;
  for (const clause of sentence.split(/(?<=[，,])/u)) {
    const date = at > 0 ? findDatePhrases(clause, null)[0] : undefined;
    if (date?.leading && /^(?:到|至|于|在|力争|争取|确保)?\s*$/u.test(clause.slice(0, date.start))) break;
    at += clause.length;
  }
  return sentence.slice(0, at) || sentence;
}

/**
 * The plan's title among the lines above its first section or item. A plan issued with its
 * notice has two ("…关于印发…方案的通知", then the plan's own); the later one names the plan.
 * Sentences (the notice's body, its addressees) are not titles.
 */
function pickTitle(lines: string[]): string {
  const candidates = lines
    .map((l) => l.replace(ATTACHMENT, '').trim())
    .filter((l) => l && !ISSUE_DATE.test(foldWidth(l)) && !DOC_NUMBER.test(l));
  const titles = candidates.filter((l) => TITLE_WORDS.test(l) && !/[。，,；;：:]/u.test(foldWidth(l)));
  return titles.at(-1) ?? candidates.find((l) => TITLE_WORDS.test(l)) ?? candidates[0] ?? '';
}
