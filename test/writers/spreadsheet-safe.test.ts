import { describe, expect, it } from 'vitest';
import { spreadsheetSafe } from '../../src/writers/spreadsheet-safe.js';

describe('spreadsheetSafe', () => {
  it.each(['=1+1', '+1', '-2', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://x","点此")'])(
    'puts an apostrophe before %j and keeps the text after it',
    (text) => {
      expect(spreadsheetSafe(text)).toBe(`'${text}`);
    },
  );

  it.each(['', '县发改局', '1+1', 'a=b', ' =1', "'=1", '２０２２年', '＝1'])('leaves %j as it is', (text) => {
    expect(spreadsheetSafe(text)).toBe(text);
  });
});
