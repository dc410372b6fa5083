import { describe, expect, it } from 'vitest';
import { parseNumberCell, resolveNumbers, type NumberCell } from './numbering.js';

const cells = (...texts: string[]): NumberCell[] => texts.map((text) => ({ text }));
/** [number, inferred, key] per row. */
const numbers = (...texts: string[]) =>
  resolveNumbers(cells(...texts)).numbers.map((n) => [n.number, n.inferred, n.key]);
const findings = (...texts: string[]) =>
  resolveNumbers(cells(...texts)).findings.map((f) => ({
    code: f.code,
    item: f.item,
    ...(f.variant ? { variant: f.variant } : {}),
    ...f.params,
  }));

describe('parseNumberCell', () => {
  it.each<[string, number | null, boolean]>([
    ['1', 1, false],
    ['1*', 1, true],
    ['52*', 52, true],
    ['１０＊', 10, true],
    ['３', 3, false],
    ['7★', 7, true],
    ['※12', 12, true],
    ['3.', 3, false],
    ['4、', 4, false],
    [' 26 ', 26, false],
    ['十二', 12, false],
    ['', null, false],
    ['*', null, true],
    ['合计', null, false],
  ])('%j → %s (key %s)', (text, number, key) => {
    expect(parseNumberCell(text)).toEqual({ number, key });
  });
});

describe('resolveNumbers: inference', () => {
  it('seed: empty cells between written numbers count on (rows 17 … 26)', () => {
    expect(numbers('17', '', '', '', '', '', '', '', '', '26')).toEqual([
      [17, false, false],
      ...[18, 19, 20, 21, 22, 23, 24, 25].map((n) => [n, true, false]),
      [26, false, false],
    ]);
    expect(findings('17', '', '', '', '', '', '', '', '', '26')).toEqual(
      [18, 19, 20, 21, 22, 23, 24, 25].map((n) => ({ code: 'MISSING_NUMBER', item: n, number: n })),
    );
    // Too few empty rows for the jump: the inferred ones count on, the rest is a gap.
    expect(findings('17', '', '', '26')).toEqual([
      { code: 'MISSING_NUMBER', item: 18, number: 18 },
      { code: 'MISSING_NUMBER', item: 19, number: 19 },
      { code: 'SEQUENCE_GAP', item: 26, from: 19, to: 26, missing: [20, 21, 22, 23, 24, 25] },
    ]);
  });

  it('seed: key marks survive next to inferred numbers (rows 9*, 10*, 11*)', () => {
    expect(numbers('8', '9*', '10*', '11*', '12')).toEqual([
      [8, false, false],
      [9, false, true],
      [10, false, true],
      [11, false, true],
      [12, false, false],
    ]);
  });

  it('seed: a gap after inferred rows names the missing numbers (62 inferred, then 65)', () => {
    expect(numbers('61', '', '65', '')).toEqual([
      [61, false, false],
      [62, true, false],
      [65, false, false],
      [66, true, false],
    ]);
    expect(findings('61', '', '65', '')).toEqual([
      { code: 'MISSING_NUMBER', item: 62, number: 62 },
      { code: 'SEQUENCE_GAP', item: 65, from: 62, to: 65, missing: [63, 64] },
      { code: 'MISSING_NUMBER', item: 66, number: 66 },
    ]);
  });

  it('new: a table that starts with empty numbers counts back from the first written one', () => {
    expect(numbers('', '', '3', '4')).toEqual([
      [1, true, false],
      [2, true, false],
      [3, false, false],
      [4, false, false],
    ]);
  });

  it('new: a table with no numbers at all is numbered from 1', () => {
    expect(numbers('', '', '')).toEqual([
      [1, true, false],
      [2, true, false],
      [3, true, false],
    ]);
  });

  it('new: a key mark alone in an empty number cell', () => {
    expect(numbers('1', '*', '3')).toEqual([
      [1, false, false],
      [2, true, true],
      [3, false, false],
    ]);
  });

  it('new: full-width digits', () => {
    expect(numbers('１', '２＊', '３')).toEqual([
      [1, false, false],
      [2, false, true],
      [3, false, false],
    ]);
  });
});

describe('resolveNumbers: gaps and duplicates', () => {
  it.each<[string, string[], object[]]>([
    ['a gap of one', ['1', '3'], [{ code: 'SEQUENCE_GAP', item: 3, from: 1, to: 3, missing: [2] }]],
    [
      'a gap of three',
      ['5', '6', '10'],
      [{ code: 'SEQUENCE_GAP', item: 10, from: 6, to: 10, missing: [7, 8, 9] }],
    ],
    [
      'a number written twice',
      ['1', '2', '2', '3'],
      [{ code: 'SEQUENCE_GAP', item: 2, variant: 'duplicate', from: 2, to: 2, number: 2 }],
    ],
    [
      'an earlier number repeated later',
      ['1', '2', '3', '2'],
      [{ code: 'SEQUENCE_GAP', item: 2, variant: 'duplicate', from: 3, to: 2, number: 2 }],
    ],
    [
      'a number going backwards that was never used',
      ['1', '5', '3'],
      [
        { code: 'SEQUENCE_GAP', item: 5, from: 1, to: 5, missing: [2, 3, 4] },
        { code: 'SEQUENCE_GAP', item: 3, variant: 'backwards', from: 5, to: 3, number: 3 },
      ],
    ],
    ['a clean sequence', ['1*', '2', '3', '4*'], []],
  ])('%s', (_name, texts, expected) => {
    expect(findings(...texts)).toEqual(expected);
  });

  it('a written number repeated after an inferred one is a duplicate', () => {
    expect(findings('1', '', '2')).toEqual([
      { code: 'MISSING_NUMBER', item: 2, number: 2 },
      { code: 'SEQUENCE_GAP', item: 2, variant: 'duplicate', from: 2, to: 2, number: 2 },
    ]);
  });

  it('a section may restart its numbering at 1 without a finding', () => {
    const r = resolveNumbers([{ text: '1' }, { text: '2' }, { text: '1', sectionStart: true }, { text: '' }]);
    expect(r.numbers.map((n) => n.number)).toEqual([1, 2, 1, 2]);
    expect(r.findings.map((f) => f.code)).toEqual(['MISSING_NUMBER']);
  });

  it('keeps the number cell as written', () => {
    expect(resolveNumbers(cells(' 1* ', '')).numbers.map((n) => n.numberText)).toEqual(['1*', '']);
  });
});
