import type { CellValue } from 'exceljs';

/**
 * A spreadsheet cell as the text a person sees in it. Numbers lose binary float noise
 * (Excel shows 15 significant digits, so 0.30000000000000004 reads "0.3"), dates become ISO
 * text, rich text is concatenated, formulas show their cached result.
 */
export function cellValueText(value: CellValue, percent = false): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return unescapeOoxml(value);
  if (typeof value === 'number') return percent ? `${numberText(value * 100)}%` : numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return unescapeOoxml(value.richText.map((r) => r.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) {
    return cellValueText((value as { result?: CellValue }).result ?? null, percent);
  }
  if ('hyperlink' in value) {
    const text = (value as { text?: unknown }).text;
    return typeof text === 'string' ? unescapeOoxml(text) : cellValueText((text as CellValue) ?? null);
  }
  if ('error' in value) return String(value.error);
  return '';
}

export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}

/** exceljs hands dates over as UTC instants of the sheet's local wall time. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  // Times are stored as fractions of a day; round away the float error to the second.
  const t = new Date(Math.round(d.getTime() / 1000) * 1000);
  const iso = t.toISOString();
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  return iso.endsWith(':00.000Z')
    ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}`
    : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** Excel escapes control characters in strings as _x000D_; exceljs passes them through. */
function unescapeOoxml(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
