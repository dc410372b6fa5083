import { XMLParser } from 'fast-xml-parser';

/**
 * A small ordered XML tree over fast-xml-parser. Order matters in WordprocessingML (a table
 * sits between two paragraphs, a tab between two runs), so the parser runs with
 * `preserveOrder`; its raw output (`[{ tag: [...children], ':@': attrs }]`) is turned into
 * plain nodes once so that readers do not juggle that shape.
 *
 * Namespace prefixes are dropped (`w:tbl` → `tbl`, `w:val` → `val`): Office always writes
 * `w:`, but other producers may bind the same namespace to another prefix, and the readers
 * never need to tell two namespaces' elements of the same local name apart.
 */

export interface XmlNode {
  /** Local name; "#text" for character data. */
  tag: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Character data, for "#text" nodes only. */
  text: string;
}

/** Element nesting refused beyond this depth. */
export const MAX_XML_DEPTH = 100;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  // Whitespace inside <w:t xml:space="preserve"> is content.
  trimValues: false,
  // Keep every value a string: "01" and "1.0" are text in a cell, not numbers.
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  // Decodes numeric character references (&#x4E00;) too, which some producers write.
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // The parser refuses deeper nesting; it also bounds the recursion of `convert` and of the
  // readers' walks over the tree. Word's deepest real structure (a table nested in a table,
  // in content controls) stays well under this.
  maxNestedTags: MAX_XML_DEPTH,
});

type RawNode = Record<string, unknown>;

/** The top-level nodes of an XML document (the root element among them). */
export function parseXml(xml: string): XmlNode[] {
  // OOXML never carries a DTD; refusing one anywhere (not only near the top, behind a long
  // comment) keeps entity tricks such as "billion laughs" out entirely.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new Error('DOCTYPE not allowed');
  return convert(parser.parse(xml) as RawNode[]);
}

/**
 * Whether elements nest deeper than `limit` anywhere in `xml`: one linear pass, for parts
 * handed to a parser without a nesting limit of its own (exceljs's saxes searches its whole
 * tag stack on every mismatched close tag, so a million unclosed tags take it minutes).
 * Comments, CDATA, declarations and quoted attribute values are skipped as they should be.
 */
export function nestsDeeperThan(xml: string, limit: number): boolean {
  let depth = 0;
  for (let i = xml.indexOf('<'); i >= 0; i = xml.indexOf('<', i)) {
    const next = xml[i + 1];
    if (xml.startsWith('<!--', i)) i = skipPast(xml, '-->', i + 4);
    else if (xml.startsWith('<![CDATA[', i)) i = skipPast(xml, ']]>', i + 9);
    else if (next === '?') i = skipPast(xml, '?>', i + 2);
    else if (next === '!') i = skipPast(xml, '>', i + 2);
    else if (next === '/') {
      depth--;
      i = skipPast(xml, '>', i + 2);
    } else {
      let quote = '';
      let j = i + 1;
      for (; j < xml.length; j++) {
        const c = xml[j]!;
        if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '>') break;
      }
      if (xml[j - 1] !== '/' && ++depth > limit) return true;
      i = j + 1;
    }
  }
  return false;
}

function skipPast(xml: string, end: string, from: number): number {
  const at = xml.indexOf(end, from);
  return at < 0 ? xml.length : at + end.length;
}

function convert(raw: RawNode[]): XmlNode[] {
  const out: XmlNode[] = [];
  for (const item of raw) {
    const attrs = (item[':@'] as Record<string, string> | undefined) ?? {};
    for (const key of Object.keys(item)) {
      if (key === ':@') continue;
      const value = item[key];
      if (key === '#text') {
        out.push({ tag: '#text', attrs: {}, children: [], text: String(value) });
      } else {
        out.push({ tag: key, attrs, children: convert((value as RawNode[]) ?? []), text: '' });
      }
    }
  }
  return out;
}

/** The root element named `tag`, searched among the top-level nodes. */
export function rootElement(nodes: XmlNode[], tag: string): XmlNode | undefined {
  return nodes.find((n) => n.tag === tag);
}

export function child(node: XmlNode | undefined, tag: string): XmlNode | undefined {
  return node?.children.find((c) => c.tag === tag);
}

export function children(node: XmlNode | undefined, tag: string): XmlNode[] {
  return node ? node.children.filter((c) => c.tag === tag) : [];
}

/** `w:val` of a child element, the usual way OOXML stores a property. */
export function childVal(node: XmlNode | undefined, tag: string): string | undefined {
  return child(node, tag)?.attrs['val'];
}

export function textContent(node: XmlNode): string {
  return node.children.map((c) => (c.tag === '#text' ? c.text : '')).join('');
}

/** OOXML on/off properties: present means on unless its val says otherwise. */
export function isOn(node: XmlNode | undefined): boolean {
  if (!node) return false;
  const v = node.attrs['val'];
  return v === undefined || !['0', 'false', 'off'].includes(v);
}
