import { mapStrings } from '../shared/text/map-strings.js';

/**
 * Text as a .docx or .xlsx part can hold it. Both are XML 1.0, which has no way to write most
 * C0 controls (not even as `&#1;`), U+FFFE, U+FFFF or a lone surrogate: one of them in a plan's
 * cell made a part that Word and Excel refuse as corrupt (docx and exceljs drop the C0 controls
 * themselves, but write U+FFFE/U+FFFF as they are; the UTF-8 encoder turns a lone surrogate into
 * U+FFFD). Dropped here as well: DEL and the C1 controls (U+0080–U+009F), which XML 1.0 allows
 * but discourages and exceljs already drops DEL of — so every writer drops the same characters.
 * TAB, LF and CR stay; so do bidi controls and zero-width characters, which are text.
 *
 * Every writer passes its input through `xmlSafe` first (and spreadsheetSafe calls `xmlText`),
 * so no text reaches docx or exceljs unsanitised.
 */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- control characters are what this matches
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;
const NOT_XML_TEST = new RegExp(NOT_XML.source, 'u');

export function xmlText(text: string): string {
  if (!NOT_XML_TEST.test(text)) return text;
  return text.replace(NOT_XML, (c) => (c.length === 1 && c >= '\ud800' && c <= '\udfff' ? '\ufffd' : ''));
}

/** Every string of a writer's input (plain objects and arrays, any depth) made XML-safe. */
export function xmlSafe<T>(value: T): T {
  return mapStrings(value, xmlText);
}
