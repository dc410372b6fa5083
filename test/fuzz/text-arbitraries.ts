/**
 * Generators of hostile text documents: Word's text export of a table (.txt) written from its
 * grammar — TAB-led cells, blank lines, " \t" rows — with seed phrases, control characters,
 * bidi marks, lone surrogates, NULs and very long lines mixed in; and CSV with random records,
 * quotes, mixed delimiters, BOMs and legacy encodings. Each yields bytes and a file name.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { applyByteMutations, byteMutations, concat, rarely } from './byte-mutations.js';
import { keyPhrases, seedPhrases, seedRows } from './seed-corpus.js';

export interface FuzzCase {
  name: string;
  bytes: Uint8Array;
}

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const control = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));
const special = fc.constantFrom(
  '\u200f', // RIGHT-TO-LEFT MARK
  '\u202e', // RIGHT-TO-LEFT OVERRIDE
  '\u200b', // ZERO WIDTH SPACE
  '\ufeff', // a BOM in the middle
  '\u3000', // ideographic space
  '\u0000',
  '\u0007', // Word's cell end mark
  '\u000b', // Word's manual line break
  '\ufffd',
  '"',
  '""',
  '\t',
  '%',
  '_x000D_',
);

/** One piece of cell text. */
export const phrase: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...seedPhrases) },
  { weight: 4, arbitrary: fc.constantFrom(...keyPhrases) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...seedPhrases, ...keyPhrases), fc.integer({ min: 50, max: 4000 }))
      .map(([p, n]) => p.repeat(n)),
  },
);

/** Now and then, control characters, lone surrogates, bidi marks… spliced into a whole text. */
const noiseChar = fc.oneof(
  { weight: 3, arbitrary: control },
  { weight: 6, arbitrary: special },
  { weight: 1, arbitrary: loneSurrogate },
);
const noise = rarely(fc.array(fc.tuple(fc.nat(), noiseChar), { minLength: 1, maxLength: 6 }), 3);

function withNoise(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(text, noise)
    .map(([t, inserts]) =>
      (inserts ?? []).reduce(
        (s, [at, x]) => s.slice(0, at % (s.length + 1)) + x + s.slice(at % (s.length + 1)),
        t,
      ),
    );
}

/** The lines of Word's text export. */
const textLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: phrase.map((p) => `\t${p}`) },
  { weight: 3, arbitrary: phrase },
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: phrase.map((p) => ` \t${p}`) },
  { weight: 1, arbitrary: fc.tuple(phrase, phrase).map(([a, b]) => `\t${a}\t${b}`) },
  { weight: 1, arbitrary: fc.constantFrom('\t', ' \t', '\u3000\t', '  ', '\t\t\t') },
);

const header = seedRows[0]!.map((h) => `\t${h}`).concat('');

/** A table that starts like a real one (the seed's header), then goes wrong. */
const structuredText = fc
  .tuple(fc.array(phrase, { maxLength: 3 }), fc.boolean(), fc.array(textLine, { maxLength: 150 }))
  .map(([preamble, withHeader, lines]) => [...preamble, ...(withHeader ? header : []), ...lines]);

/** One wide header row over many short rows: the padding amplifier. */
const wideText = fc
  .tuple(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 3000 }))
  .map(([width, rows]) => [...Array<string>(width).fill('\t序号'), '', ...Array<string>(rows).fill('\t1\n')]);

/** Many well-formed rows: a long plan. */
const longText = fc
  .integer({ min: 100, max: 8000 })
  .map((rows) => [
    ...header,
    ...Array.from({ length: rows }, (_, i) => `\t${i + 1}\n\t推进改革${i}\n\t县发改局\n`),
  ]);

const eol = fc.constantFrom('\n', '\r\n', '\r');

const joinLines = (lines: fc.Arbitrary<string[]>) =>
  fc
    .tuple(lines, eol, fc.boolean())
    .map(([ls, e, mixed]) =>
      mixed ? ls.map((l, i) => l + ['\n', '\r\n', '\r'][i % 3]).join('') : ls.join(e),
    );

type Encoding =
  'utf8' | 'utf8bom' | 'utf16le' | 'utf16be' | 'utf16le-nobom' | 'gb18030' | 'big5' | 'shift_jis';
const encoding = fc.oneof(
  { weight: 8, arbitrary: fc.constant<Encoding>('utf8') },
  { weight: 2, arbitrary: fc.constant<Encoding>('gb18030') },
  { weight: 3, arbitrary: fc.constantFrom<Encoding>('utf8bom', 'utf16le', 'utf16be') },
  { weight: 2, arbitrary: fc.constantFrom<Encoding>('utf16le-nobom', 'big5', 'shift_jis') },
);

/** UTF-8 that keeps lone surrogates as their 3-byte (invalid) form instead of U+FFFD. */
function wtf8(text: string): Uint8Array {
  const parts: Uint8Array[] = [];
  let run = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (c >= 0xd800 && c <= 0xdfff && !pair) {
      parts.push(
        Buffer.from(run, 'utf8'),
        Uint8Array.of(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)),
      );
      run = '';
    } else {
      run += text[i];
      if (pair) run += text[++i];
    }
  }
  parts.push(Buffer.from(run, 'utf8'));
  return concat(...parts);
}

export function encode(text: string, enc: Encoding): Uint8Array {
  switch (enc) {
    case 'utf8':
      return wtf8(text);
    case 'utf8bom':
      return concat(Uint8Array.of(0xef, 0xbb, 0xbf), wtf8(text));
    case 'utf16le':
      return concat(Uint8Array.of(0xff, 0xfe), Buffer.from(text, 'utf16le'));
    case 'utf16be':
      return concat(Uint8Array.of(0xfe, 0xff), Buffer.from(text, 'utf16le').swap16());
    case 'utf16le-nobom':
      return new Uint8Array(Buffer.from(text, 'utf16le'));
    default:
      return new Uint8Array(iconv.encode(text, enc));
  }
}

/** Rarely, byte-level damage on top of the encoded text. */
const damage = rarely(byteMutations, 8);

function encoded(text: fc.Arbitrary<string>, names: fc.Arbitrary<string>): fc.Arbitrary<FuzzCase> {
  return fc.tuple(withNoise(text), encoding, damage, names).map(([t, enc, muts, name]) => {
    const bytes = encode(t, enc);
    return { name, bytes: muts ? applyByteMutations(bytes, muts) : bytes };
  });
}

export const txtCase: fc.Arbitrary<FuzzCase> = encoded(
  joinLines(
    fc.oneof(
      { weight: 8, arbitrary: structuredText },
      { weight: 3, arbitrary: fc.array(textLine, { maxLength: 200 }) },
      { weight: 1, arbitrary: wideText },
      { weight: 1, arbitrary: longText },
    ),
  ),
  fc.constantFrom('plan.txt', 'plan.txt', 'plan.txt', 'plan', 'plan.csv', 'plan.docx'),
);

/** A CSV field: seed text, quoted or not, broken quotes, embedded delimiters and breaks. */
const csvField: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: phrase },
  { weight: 2, arbitrary: phrase.map((p) => `"${p.replace(/"/g, '""')}"`) },
  { weight: 1, arbitrary: phrase.map((p) => `"${p}`) },
  { weight: 1, arbitrary: phrase.map((p) => `${p}"x"`) },
  { weight: 1, arbitrary: fc.tuple(phrase, phrase).map(([a, b]) => `"${a}\n${b}"`) },
  { weight: 1, arbitrary: fc.constantFrom('', '""', '"', ',', ';', '\t', '"a""b', '=1+2') },
);

const delimiter = fc.constantFrom(',', ',', ';', '\t', '|');

const quoteCsv = (t: string) => (/[",;\n\t]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);

const csvRecords = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.array(csvField, { minLength: 1, maxLength: 12 }), { maxLength: 60 }) },
  // The seed's own rows, some fields replaced.
  {
    weight: 3,
    arbitrary: fc.array(fc.tuple(fc.nat(), fc.nat(), csvField), { maxLength: 8 }).map((edits) => {
      const rows = seedRows.slice(0, 6).map((r) => r.map(quoteCsv));
      for (const [r, c, f] of edits) rows[r % rows.length]![c % rows[0]!.length] = f;
      return rows;
    }),
  },
  // One row pasted over and over: every pair of items is a duplicate.
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 2, max: 2000 }))
      .map(([r, copies]) =>
        [seedRows[0]!, ...Array<string[]>(copies).fill(seedRows[r]!)].map((row) => row.map(quoteCsv)),
      ),
  },
  // Wide and long: the padding amplifier, and a long plan.
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 }))
      .map(([width, rows]) => [
        Array<string>(width).fill('序号'),
        ...Array.from({ length: rows }, () => ['1']),
      ]),
  },
);

export const csvCase: fc.Arbitrary<FuzzCase> = encoded(
  fc
    .tuple(csvRecords, delimiter, fc.boolean(), eol, fc.boolean())
    .map(([records, d, mixDelimiters, e, bom]) => {
      const mixed = [',', ';', '\t'];
      const lines = records.map((r, i) => r.join(mixDelimiters ? mixed[i % 3]! : d));
      return (bom ? '\ufeff' : '') + lines.join(e) + e;
    }),
  fc.constantFrom('plan.csv', 'plan.csv', 'plan.csv', 'plan.tsv', 'plan.txt', 'plan.xlsx'),
);
