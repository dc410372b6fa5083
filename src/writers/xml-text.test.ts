import { describe, expect, it } from 'vitest';
import { xmlSafe, xmlText } from './xml-text.js';

/** XML 1.0's Char production. */
const XML_CHAR = /^[\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;

describe('xmlText', () => {
  it('keeps every character XML 1.0 holds but DEL and C1; drops the rest; lone surrogates become U+FFFD', () => {
    let all = '';
    for (let c = 0; c < 0x10000; c++) all += String.fromCharCode(c);
    const out = xmlText(all + '😀');
    expect(out).toMatch(XML_CHAR);
    // By code point: U+DBFF U+DC00 in the middle of the run is a pair (U+10FC00), kept.
    const expected = [...all]
      .filter((c) => {
        const n = c.charCodeAt(0);
        if (c.length === 2 || (n >= 0xd800 && n <= 0xdfff)) return true;
        return n === 9 || n === 10 || n === 13 || (n >= 0x20 && n < 0x7f) || (n > 0x9f && n < 0xfffe);
      })
      .map((c) => (c.length === 1 && c >= '\ud800' && c <= '\udfff' ? '\ufffd' : c))
      .join('');
    expect(out).toBe(expected + '😀');
  });

  it('returns ordinary text as it is', () => {
    const s = '“农户家庭资产池”融资达15亿元以上\t\n<b>&amp; \u202e\u200b';
    expect(xmlText(s)).toBe(s);
  });

  it('reaches every string of a writer input', () => {
    expect(xmlSafe({ title: 'a\u0001', items: [{ t: ['b\uffff'] }], n: 3 })).toEqual({
      title: 'a',
      items: [{ t: ['b'] }],
      n: 3,
    });
  });
});
