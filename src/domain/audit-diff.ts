/**
 * Before → after of one audit row, field by field: what the audit page shows when a row is
 * expanded and what the .xlsx export writes in its "changes" column. Pure; shared with the web app.
 *
 * Repositories record either whole records or only the changed fields (a rename records
 * `{ name }` on both sides), so a field present on one side only is a change too (added or
 * removed), and a create (before null) or a delete (after null) lists every field it has.
 */

export interface FieldChange {
  /** Top-level field name; '' when a side is not an object (a bare value or a list). */
  field: string;
  /** undefined when the field is absent on that side. */
  before: unknown;
  after: unknown;
  changed: boolean;
}

export function auditDiff(before: unknown, after: unknown): FieldChange[] {
  const b = before ?? undefined;
  const a = after ?? undefined;
  if ((b !== undefined && !isRecord(b)) || (a !== undefined && !isRecord(a))) {
    return [{ field: '', before: b, after: a, changed: !sameValue(b, a) }];
  }
  const bRec = b ?? {};
  const aRec = a ?? {};
  const fields = [...new Set([...Object.keys(bRec), ...Object.keys(aRec)])];
  return fields.map((field) => {
    const x = bRec[field];
    const y = aRec[field];
    return { field, before: x, after: y, changed: !sameValue(x, y) };
  });
}

/** The changed fields only. */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  return auditDiff(before, after).filter((c) => c.changed);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep equality of JSON values (what the log stores), key order ignored. */
export function sameValue(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (x === undefined || y === undefined || x === null || y === null) return false;
  if (Array.isArray(x) || Array.isArray(y)) {
    return (
      Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((v, i) => sameValue(v, y[i]))
    );
  }
  if (isRecord(x) && isRecord(y)) {
    const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
    return [...keys].every((k) => sameValue(x[k], y[k]));
  }
  return false;
}
