import { foldWidth } from './text-width.js';
import { findDatePhrases } from './dates.js';

/**
 * Who is responsible, as plans written in paragraphs say it: a bracket at the end of an item
 * ("（牵头单位：市发改委；数据提供单位：市统计局）", "〔牵头单位：…，责任单位：…〕",
 * "（市政府办公室牵头，市级各有关部门按职责分工负责）", "（牵头单位：…；责任单位：…，6月底完成）")
 * or separate lines under it ("牵头单位：区发改局"). Returns unit cells with the role their
 * label gives, and the deadline when the bracket holds one.
 */

export interface UnitCell {
  text: string;
  role: 'lead' | 'co' | 'mixed';
  /** The document's label when it names a role beyond lead and co (数据提供单位 …). */
  label?: string;
}

export interface Responsibility {
  units: UnitCell[];
  /** The date phrase inside the bracket ("6月底完成" → the phrase "6月底"). */
  deadlinePhrase?: string;
  /** The whole deadline clause as written ("6月底完成", "9月底前完成主体工程"). */
  deadlineText?: string;
}

const LABEL = /^(?<label>[\u4e00-\u9fff]{0,6}?(?:单位|部门|处室))[:：]\s*(?<names>.*)$/u;
const LEAD_LABEL = /^(?:牵头|主责|主办|责任牵头)(?:单位|部门|处室)$/u;
const CO_LABEL = /^(?:责任|配合|协同|参与|协办|协助|落实|实施)(?:单位|部门|处室)$/u;
const LEADS = /^(?<names>.+?)(?:负责)?牵头(?:负责|落实)?$/u;
const CO_VERB =
  /^(?<names>.+?)(?:按职责分工负责|按职责分工落实|按职责负责|分工负责|配合|协办|参与|共同负责|负责落实|负责)$/u;
// Parts are separated by ；, and by a comma when what follows names a role ("牵头单位：A，
// 责任单位：B", "A牵头，B按职责分工负责") or is a deadline ("…，6月底完成", "…，9月底前完成主体
// 工程") — not between names ("A、B等，各街道").
const ROLE_WORDS = /牵头|负责|配合|协办|参与|(?:单位|部门|处室)[:：]/u;
/** What may stand before the date of a deadline clause: its label, or a word that heads it. */
const DEADLINE_LEAD = /^(?:(?:完成)?(?:时限|时间)\s*[:：]|时间节点\s*[:：]|于|在|力争|争取|确保)?\s*$/u;

/** Parses the inside of a bracket or a label line; null when it names no one. */
export function parseResponsibility(inner: string): Responsibility | null {
  const text = inner.trim();
  const units: UnitCell[] = [];
  let deadline: { phrase: string; text: string } | undefined;
  for (const raw of splitParts(text)) {
    const part = raw.trim().replace(/[。.]$/u, '');
    if (!part) continue;
    const when = deadlineClause(part);
    if (when) {
      deadline ??= when;
      continue;
    }
    const labelled = LABEL.exec(part);
    if (labelled) {
      const label = labelled.groups!.label!;
      const names = labelled.groups!.names!.trim();
      if (!names) continue;
      if (LEAD_LABEL.test(label)) units.push({ text: names, role: 'lead' });
      else if (CO_LABEL.test(label)) units.push({ text: names, role: 'co' });
      else units.push({ text: names, role: 'co', label });
      continue;
    }
    const lead = LEADS.exec(part);
    if (lead) {
      units.push({ text: lead.groups!.names!, role: 'lead' });
      continue;
    }
    const co = CO_VERB.exec(part);
    if (co) {
      units.push({ text: co.groups!.names!, role: 'co' });
      continue;
    }
    // A bare list of names only counts when something else in the bracket already says
    // it is about responsibility; otherwise the bracket is an aside ("（含民营企业）").
    units.push({ text: part, role: 'mixed' });
  }
  const named = units.some((u) => u.role !== 'mixed');
  if (!named) return null;
  return deadline ? { units, deadlinePhrase: deadline.phrase, deadlineText: deadline.text } : { units };
}

/** A part that begins with a date ("6月底完成", "于9月底前完成主体工程"): no unit's name does. */
function deadlineClause(part: string): { phrase: string; text: string } | null {
  const date = findDatePhrases(part, null)[0];
  if (!date || !DEADLINE_LEAD.test(foldWidth(part.slice(0, date.start)))) return null;
  // A label ("完成时限：") is not part of the clause.
  const from = /[:：]/u.test(part.slice(0, date.start)) ? date.start : 0;
  return { phrase: date.phrase, text: part.slice(from).trim() };
}

/** Splits on ；, and on a comma outside brackets when the words after it begin a new part. */
function splitParts(text: string): string[] {
  const parts: string[] = [''];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch) && depth > 0) depth--;
    if (depth === 0 && /[；;]/u.test(ch)) {
      parts.push('');
    } else if (depth === 0 && /[，,]/u.test(ch) && beginsPart(text.slice(i + 1))) {
      parts.push('');
    } else {
      parts[parts.length - 1] += ch;
    }
  }
  return parts;
}

/** The words after a comma, up to the next separator, name a role or a deadline. */
function beginsPart(rest: string): boolean {
  const next = /^[^，,；;]*/u.exec(rest)![0].trim();
  return ROLE_WORDS.test(next) || deadlineClause(next) !== null;
}

const OPEN = '（(〔【[';
const CLOSE = '）)〕】]';

/**
 * The last bracketed group of a text, found by matching from the end so that brackets inside
 * it ("各县（市、区）政府") do not cut it short.
 */
function lastBracket(text: string): { start: number; inner: string } | null {
  const trimmed = text.replace(/[\s。.；;]+$/u, '');
  if (!CLOSE.includes(trimmed.at(-1) ?? '')) return null;
  let depth = 0;
  for (let i = trimmed.length - 1; i >= 0; i--) {
    const ch = trimmed[i]!;
    if (CLOSE.includes(ch)) depth++;
    else if (OPEN.includes(ch) && --depth === 0) return { start: i, inner: trimmed.slice(i + 1, -1) };
  }
  return null;
}

/** The responsibility bracket that ends an item's text, and the text without it. */
export function trailingResponsibility(
  text: string,
): { body: string; responsibility: Responsibility } | null {
  const b = lastBracket(text);
  if (!b) return null;
  const responsibility = parseResponsibility(b.inner);
  if (!responsibility) return null;
  return { body: text.slice(0, b.start).trim(), responsibility };
}

/** A line that only says who is responsible ("牵头单位：区发改局", "责任单位：各街道"). */
export function responsibilityLine(line: string): Responsibility | null {
  const text = line.trim();
  if (!LABEL.test(text)) return null;
  return parseResponsibility(text);
}

const COLLECTIVE =
  /^(?:各|全[县市区省]|有关|相关|其他)|^(?:镇|乡|乡镇|街道|村|社区)(?:\((?:街道|社区|乡镇)\))?(?:人民)?(?:政府|办事处|办)?$|各(?:有关|相关)?(?:单位|部门|镇|乡|街道|乡镇|县|区|市)|(?:各|有关|相关|直)(?:部门|单位)$|两级|按职责/u;

/**
 * 各乡镇（街道）, 区直各部门, 市级各有关部门, 各相关单位, and a level named without a place
 * (街道, 乡镇（街道）, 村（社区）): many bodies, not one department.
 */
export function isCollectiveUnit(name: string): boolean {
  return COLLECTIVE.test(foldWidth(name));
}
