import { child, childVal, isOn, textContent, type XmlNode } from './xml.js';
import { decimal, type ParagraphNumbering } from './docx-numbering.js';

/**
 * The visible text of one `w:p`, as Word would show it with all tracked changes accepted:
 * runs in order, tabs and breaks as characters, deleted text (`w:del`, `w:moveFrom`) and
 * hidden text (`w:vanish`) left out, inserted text (`w:ins`, `w:moveTo`) kept.
 */

/** Containers whose content is never part of the paragraph's visible text. */
const SKIPPED = new Set([
  'pPr',
  'rPr',
  'del',
  'moveFrom',
  'delText',
  'instrText',
  'sdtPr',
  'sdtEndPr',
  'customXmlPr',
  'smartTagPr',
  // Text boxes and shapes float beside the paragraph, not in it.
  'drawing',
  'pict',
  'object',
  'AlternateContent',
  // Ruby (phonetic guide) text sits above its base.
  'rt',
]);

export function paragraphText(p: XmlNode): string {
  const out: string[] = [];
  collect(p, out);
  return out.join('');
}

function collect(node: XmlNode, out: string[]): void {
  for (const c of node.children) {
    switch (c.tag) {
      case 't':
        out.push(textContent(c));
        break;
      case 'tab':
      case 'ptab':
        out.push('\t');
        break;
      case 'br':
      case 'cr':
        out.push('\n');
        break;
      case 'noBreakHyphen':
        out.push('-');
        break;
      case 'sym':
        out.push(symbol(c));
        break;
      case 'r':
        if (!isOn(child(child(c, 'rPr'), 'vanish'))) collect(c, out);
        break;
      case '#text':
        break;
      default:
        if (!SKIPPED.has(c.tag)) collect(c, out);
    }
  }
}

/** `w:sym` points into a symbol font; code points in the font-private area (F0xx) mean
 *  nothing without the font, so only real characters are kept (and only code points that
 *  exist: fromCodePoint throws past U+10FFFF). */
function symbol(sym: XmlNode): string {
  const code = parseInt(sym.attrs['char'] ?? '', 16);
  return Number.isFinite(code) && code > 0 && code <= 0x10ffff && (code < 0xe000 || code > 0xf8ff)
    ? String.fromCodePoint(code)
    : '';
}

export function paragraphNumbering(p: XmlNode): ParagraphNumbering {
  const pPr = child(p, 'pPr');
  const numPr = child(pPr, 'numPr');
  return {
    numId: childVal(numPr, 'numId'),
    ilvl: decimal(childVal(numPr, 'ilvl')),
    styleId: childVal(pPr, 'pStyle'),
  };
}
