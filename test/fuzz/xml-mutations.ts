/**
 * Edits to the XML text inside an Office file: unbalanced tags, duplicated elements, hostile
 * attribute values (spans of 99999, negative spans, list levels past 8, numIds pointing
 * nowhere), injected WordprocessingML/SpreadsheetML snippets, deep nesting, and DTDs with
 * entity expansion ("billion laughs"). Each edit is data, so fast-check can shrink it.
 */
import fc from 'fast-check';

export type XmlEdit =
  | { op: 'inject'; at: number; snippet: string }
  | { op: 'attr'; at: number; value: string }
  | { op: 'dropClose'; at: number }
  | { op: 'duplicate'; at: number; times: number }
  | { op: 'truncate'; at: number }
  | { op: 'nest'; at: number; depth: number; open: string; close: string }
  | { op: 'doctype'; dtd: string; use: string; at: number };

const DOCX_SNIPPETS = [
  '<w:tcPr><w:gridSpan w:val="99999"/></w:tcPr>',
  '<w:tcPr><w:gridSpan w:val="-3"/><w:vMerge/></w:tcPr>',
  '<w:tcPr><w:vMerge w:val="restart"/><w:hMerge/></w:tcPr>',
  '<w:trPr><w:gridBefore w:val="4000000000"/><w:gridAfter w:val="-1"/></w:trPr>',
  '<w:trPr><w:del/></w:trPr>',
  '<w:pPr><w:numPr><w:ilvl w:val="9"/><w:numId w:val="777"/></w:numPr></w:pPr>',
  '<w:pPr><w:numPr><w:ilvl w:val="-1"/><w:numId w:val="1"/></w:numPr></w:pPr>',
  '<w:pPr><w:pStyle w:val="Loop"/><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr>',
  '<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc><w:p><w:r><w:t>嵌套</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
  '<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>',
  '<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>',
  '<w:sdt><w:sdtContent><w:tr><w:tc><w:p/></w:tc></w:tr></w:sdtContent></w:sdt>',
  '<w:customXml><w:p><w:r><w:t>x</w:t></w:r></w:p></w:customXml>',
  '<w:r><w:sym w:char="FFFFFFFF"/><w:sym w:char="D800"/><w:tab/><w:br/></w:r>',
  '<w:r><w:t>&amp;&lt;&#0;&#xD800;&#x110000;&#1114112;&unknown;</w:t></w:r>',
  '<w:r><w:t><![CDATA[<w:tbl>]]></w:t></w:r><!-- <w:tr> --><?pi x?>',
  '<w:ins><w:r><w:t>插入</w:t></w:r></w:ins><w:del><w:r><w:delText>删除</w:delText></w:r></w:del>',
  '<w:lvl w:ilvl="99"><w:start w:val="99999999999"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1%2%9."/></w:lvl>',
  '<w:lvl w:ilvl="0"><w:start w:val="1000000000"/><w:numFmt w:val="upperRoman"/><w:lvlRestart w:val="-4"/><w:isLgl/></w:lvl>',
  '<w:num w:numId="1"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="-5"/></w:lvlOverride></w:num>',
  '<w:num w:numId="2"><w:abstractNumId w:val="404"/></w:num>',
  '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="Loop"/></w:abstractNum>',
  '<w:style w:type="paragraph" w:default="1" w:styleId="Loop"><w:basedOn w:val="Loop2"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>',
  '<w:style w:styleId="Loop2"><w:basedOn w:val="Loop"/></w:style>',
];

const XLSX_SNIPPETS = [
  '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
  '<mergeCells count="2"><mergeCell ref="B2:A1"/><mergeCell ref="A1:A1"/></mergeCells>',
  '<mergeCell ref="ZZZZZZ1:A0"/>',
  '<c r="XFD1048576" t="s"><v>99999</v></c>',
  '<c r="A1" t="s"><v>-1</v></c>',
  '<c r="ZZZZZ1"><v>1</v></c>',
  '<row r="1048576"><c r="A1048576"><v>1e308</v></c></row>',
  '<row r="0"><c r="A0"><v>x</v></c></row>',
  '<row r="-5" spans="1:99999"><c r="A1" t="n"><v>NaN</v></c></row>',
  '<c r="B3" t="inlineStr"><is><t>内联</t></is></c>',
  '<c r="A1"><f t="shared" si="0" ref="A1:A99999">1</f><v>2</v></c>',
  '<c r="A2"><f t="shared" si="7"/></c>',
  '<c r="C2" t="d"><v>not-a-date</v></c>',
  '<c r="C3" t="e"><v>#REF!</v></c>',
  '<c r="C4" t="b"><v>2</v></c>',
  '<c r="D1" s="99999"><v>45000</v></c>',
  '<dimension ref="A1:XFD1048576"/>',
  '<sheet name="" sheetId="x" r:id="rId99"/>',
  '<sheet name="Sheet1" sheetId="1" state="hidden" r:id="rId1"/>',
  '<definedName name="_xlnm.Print_Area" localSheetId="99">Sheet1!$A:$XFD</definedName>',
  '<hyperlinks><hyperlink ref="A1" r:id="rId99"/></hyperlinks>',
  '<numFmts count="1"><numFmt numFmtId="200" formatCode="0.00%&quot;"/></numFmts>',
  '<si><t>_x000D__xD800__xFFFF_</t></si>',
  '<si><r><t>富</t></r><r><rPr/></r></si>',
  '<Relationship Id="rId1" Type="x" Target="../../../../etc/passwd"/>',
  '<cols><col min="1" max="1000000000" width="9"/><col min="-4" max="x"/></cols>',
  '<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576 B2"><formula1>"a,b"</formula1></dataValidation></dataValidations>',
  '<definedNames><definedName name="big">Sheet1!$A$1:$XFD$1048576</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">Sheet1!$1:$2</definedName></definedNames>',
  '<row r="1000000000"><c r="A1000000000"><v>1</v></c></row>',
  '<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="expression" priority="1"><formula>1</formula></cfRule></conditionalFormatting>',
  '<autoFilter ref="A1:XFD1048576"/>',
];

/** Values that break numbers, references and enumerations. */
const HOSTILE_VALUES = [
  '99999',
  '-1',
  '0',
  '',
  'NaN',
  '1e300',
  '9',
  '8',
  '4294967296',
  '999999999999999999999',
  'restart',
  'continue',
  'A1:XFD1048576',
  'XFD1048576',
  '%1%2%3%4%5%6%7%8%9',
  '&amp;',
  '&lol;',
  'bullet',
  'lowerLetter',
  'chineseCounting',
];

/** A DTD that expands, and a reference to it. */
function laughs(levels: number): { dtd: string; use: string } {
  let dtd = '<!DOCTYPE lolz [<!ENTITY l0 "lol">';
  for (let i = 1; i <= levels; i++) dtd += `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`;
  return { dtd: `${dtd}]>`, use: `&l${levels};` };
}

const at = fc.nat({ max: 100_000 });

export function xmlEdit(kind: 'docx' | 'xlsx'): fc.Arbitrary<XmlEdit> {
  const snippets = kind === 'docx' ? DOCX_SNIPPETS : XLSX_SNIPPETS;
  const nestTags =
    kind === 'docx'
      ? fc.constantFrom(
          ['<w:tbl><w:tr><w:tc>', '</w:tc></w:tr></w:tbl>'],
          ['<w:sdt><w:sdtContent>', '</w:sdtContent></w:sdt>'],
          ['<w:r>', '</w:r>'],
        )
      : fc.constantFrom(['<row><c><is>', '</is></c></row>'], ['<x>', '</x>']);
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({ op: fc.constant('inject' as const), at, snippet: fc.constantFrom(...snippets) }),
    },
    {
      weight: 5,
      arbitrary: fc.record({
        op: fc.constant('attr' as const),
        at,
        value: fc.oneof(fc.constantFrom(...HOSTILE_VALUES), fc.string({ maxLength: 12 })),
      }),
    },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('dropClose' as const), at }) },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant('duplicate' as const),
        at,
        times: fc.integer({ min: 1, max: 300 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(at, fc.integer({ min: 2, max: 3000 }), nestTags)
        .map(([a, depth, [open, close]]) => ({
          op: 'nest' as const,
          at: a,
          depth,
          open: open!,
          close: close!,
        })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 1, max: 12 }), at)
        .map(([levels, a]) => ({ op: 'doctype' as const, ...laughs(levels), at: a })),
    },
  );
}

/** Offsets of every match, for picking the n-th tag or attribute whatever the document. */
function offsets(xml: string, re: RegExp): { index: number; text: string }[] {
  return [...xml.matchAll(re)].map((m) => ({ index: m.index, text: m[0] }));
}

function pick<T>(list: T[], n: number): T | undefined {
  return list.length ? list[n % list.length] : undefined;
}

export function applyXmlEdit(xml: string, e: XmlEdit): string {
  switch (e.op) {
    case 'inject': {
      const tag = pick(offsets(xml, /<(?![?!])/g), e.at);
      const i = tag?.index ?? xml.length;
      return xml.slice(0, i) + e.snippet + xml.slice(i);
    }
    case 'attr': {
      const a = pick(offsets(xml, /="[^"]*"/g), e.at);
      return a ? `${xml.slice(0, a.index)}="${e.value}"${xml.slice(a.index + a.text.length)}` : xml;
    }
    case 'dropClose': {
      const c = pick(offsets(xml, /<\/[^>]+>/g), e.at);
      return c ? xml.slice(0, c.index) + xml.slice(c.index + c.text.length) : xml;
    }
    case 'duplicate': {
      const el = pick(
        offsets(xml, /<((?:\w+:)?(?:tr|tc|p|row|c|si|lvl|num|style))\b[^>]*>[\s\S]*?<\/\1>/g),
        e.at,
      );
      return el
        ? xml.slice(0, el.index) + el.text.repeat(e.times + 1) + xml.slice(el.index + el.text.length)
        : xml;
    }
    case 'truncate':
      return xml.slice(0, e.at % (xml.length + 1));
    case 'nest': {
      const tag = pick(offsets(xml, /<(?![?!/])[^>]*[^/]>/g), e.at);
      const i = tag ? tag.index + tag.text.length : xml.length;
      return xml.slice(0, i) + e.open.repeat(e.depth) + e.close.repeat(e.depth) + xml.slice(i);
    }
    case 'doctype': {
      const decl = /^\s*<\?xml[^>]*\?>/.exec(xml);
      const head = decl ? decl[0] : '';
      const body = xml.slice(head.length);
      const t = pick(offsets(body, /<w:t>|<t>|<v>/g), e.at);
      const withUse = t
        ? body.slice(0, t.index + t.text.length) + e.use + body.slice(t.index + t.text.length)
        : body + e.use;
      return head + e.dtd + withUse;
    }
  }
}
