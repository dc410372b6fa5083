import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import ExcelJS from 'exceljs';

/**
 * Generated reports opened the way their readers will open them: .docx through mammoth (the
 * text a person reads) and its raw parts (what Word lays out with), .xlsx through ExcelJS.
 */

export async function docxText(bytes: Uint8Array): Promise<string> {
  const { value, messages } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  if (messages.some((m) => m.type === 'error')) throw new Error(JSON.stringify(messages));
  return value;
}

/** The package's parts by path, as text. */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([path, data]) => [path, strFromU8(data)]));
}

/** Attributes of every `<tag …>` in `xml`, without the `w:` prefix: `elements(doc, 'w:pgSz')`. */
export function elements(xml: string, tag: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const m of xml.matchAll(new RegExp(`<${tag}\\b([^>]*?)/?>`, 'g'))) {
    const attrs: Record<string, string> = {};
    for (const a of m[1]!.matchAll(/([\w:]+)="([^"]*)"/g)) attrs[a[1]!.replace(/^w:/, '')] = a[2]!;
    out.push(attrs);
  }
  return out;
}

/** The XML of one style (`<w:style … w:styleId="id">…</w:style>`) in styles.xml. */
export function styleXml(styles: string, id: string): string {
  const m = styles.match(new RegExp(`<w:style\\b[^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`));
  if (!m) throw new Error(`no style ${id}`);
  return m[0];
}

/**
 * Raw text split into sections at headings such as "一、单位名称不统一（3 处）" (zh-CN) or
 * "1. Numbering gap (2)" (en-US, told apart from the findings' own "1. Item …" by the pattern).
 */
export function sections(text: string, heading: RegExp): Map<string, string> {
  const out = new Map<string, string>();
  let current: string | null = null;
  for (const line of text.split('\n')) {
    if (heading.test(line)) {
      current = line;
      out.set(line, '');
    } else if (current !== null) {
      out.set(current, `${out.get(current)}${line}\n`);
    }
  }
  return out;
}

export async function openXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** The values of a sheet's rows (1-based columns dropped: index 0 is the first column). */
export function rowValues(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}
