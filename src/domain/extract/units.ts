import type { UnitRole } from '../plan.js';

/**
 * Responsible units (责任单位): the cell lists the lead unit first, then co-units, separated by
 * 、，; spaces or line breaks. Some cells label roles ("牵头单位：…；配合单位：…") or mark
 * the lead in brackets ("县发改局（牵头）").
 */

export interface SplitUnit {
  name: string;
  role: UnitRole;
  /** The cell's own label for a role beyond lead and co ("数据提供单位：…"); such units are co-units. */
  label?: string;
}

const LEAD_LABEL = /^(?:牵头单位|牵头部门|牵头)[:：]?/u;
const CO_LABEL = /^(?:配合单位|协同单位|参与单位|责任单位|配合部门|协办单位|责任部门)[:：]?/u;
/** Any other "…单位：" — 数据提供单位, 督办单位 — as paragraph plans label them (see responsibility.ts). */
const OTHER_LABEL = /^(?<label>[\u4e00-\u9fff]{0,6}?(?:单位|部门|处室))[:：]/u;

export function splitUnits(cell: string): SplitUnit[] {
  // Not width-folded: names keep their brackets as written (各县（市、区）); every pattern here takes both widths.
  const text = cell.replace(/\r/g, '');
  const labelled = /牵头单位|牵头部门|配合单位|协同单位/u.test(text);
  const out: SplitUnit[] = [];
  const marked = new Set<SplitUnit>();
  let role: UnitRole = 'lead';
  let label: string | undefined;
  for (const rawPart of splitOutsideBrackets(text)) {
    let part = rawPart.trim();
    if (!part) continue;
    if (labelled) {
      const other = OTHER_LABEL.exec(part);
      if (LEAD_LABEL.test(part)) {
        role = 'lead';
        label = undefined;
        part = part.replace(LEAD_LABEL, '');
      } else if (CO_LABEL.test(part)) {
        role = 'co';
        label = undefined;
        part = part.replace(CO_LABEL, '');
      } else if (other) {
        role = 'co';
        label = other.groups!.label!;
        part = part.slice(other[0].length);
      }
    }
    let explicitLead = false;
    const mark = /[(（](牵头|主办|主责)[)）]$/u;
    if (mark.test(part)) {
      explicitLead = true;
      part = part.replace(mark, '');
    }
    part = part
      .replace(/[(（](配合|协办|参与)[)）]$/u, '')
      .replace(/等(?:其他|有关|相关)?(?:单位|部门|处室)?$/u, '') // "A、B等", "A、B等有关部门"
      .replace(/[。.]$/u, '')
      .trim();
    if (!part) continue;
    const r: UnitRole = explicitLead ? 'lead' : labelled ? role : out.length === 0 ? 'lead' : 'co';
    const unit: SplitUnit = { name: part, role: r };
    if (label !== undefined && !explicitLead) unit.label = label;
    if (explicitLead) marked.add(unit);
    out.push(unit);
  }
  if (!labelled && marked.size > 0) {
    // An explicit "(牵头)" beats position: the first unit is lead only when it is so marked.
    for (const u of out) u.role = marked.has(u) ? 'lead' : 'co';
  }
  return out;
}

const UNIT_SUFFIX =
  /(?:局|委|办|部|院|会|中心|组|行|所|队|站|镇|乡|街道|公司|集团|社|联|厅|处|科|室|馆|校|学院|政府|分局|支行|法院|检察院|管委会|指挥部|办公室|委员会|园区|团|台|协会|银行|保险|电信|移动|联通|邮政|供电|海关|监狱)$/u;

/** A unit name ends like one (局, 委, 中心, 街道…) and is not a sentence. */
export function looksLikeUnit(name: string): boolean {
  if (name.length > 24 || /[。；;！？]/u.test(name)) return false;
  return UNIT_SUFFIX.test(name) || name.length <= 8;
}

/** Split on 、，;/ spaces and line breaks, but not inside brackets: "各县（市、区）" is one name. */
function splitOutsideBrackets(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(' || ch === '（') depth++;
    else if ((ch === ')' || ch === '）') && depth > 0) depth--;
    if (depth === 0 && /[、，,;；/／\n\s]/u.test(ch)) {
      parts.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  parts.push(cur);
  return parts;
}
