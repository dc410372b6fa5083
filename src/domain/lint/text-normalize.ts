/**
 * Text normalisation for comparing plan entries. Entries are compared on their wording, so
 * everything a drafter varies without changing the meaning is removed first: list markers,
 * punctuation, spaces, full-width forms, and date phrases (every goal starts with one, so
 * keeping them would make unrelated goals look alike).
 */

// A digit after "1." makes it a decimal ("2.0版"), unless it starts a year: "1.2022年" is marker + date.
const NUMBER_MARKER = String.raw`[0-9０-９]{1,2}\s*[.、．](?=[^0-9０-９]|[0-9０-９]{4}\s*年)`;
// "1." "2、" "(1)" "（一）" "一、" "一是" "①".
const LEADING_MARKER = new RegExp(
  String.raw`^\s*(?:[(（]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[)）]|${NUMBER_MARKER}|[一二三四五六七八九十]{1,3}\s*(?:、|是)|[①-⑳])\s*`,
  'u',
);
// A marker in mid-cell after spaces: Word sometimes pads a paragraph break with spaces.
const INLINE_MARKER = new RegExp(String.raw`\s(?=${NUMBER_MARKER})`, 'u');

// "2022年3月底前", "2022年度", "到2025年", "6月底前", "年底前", "上半年", "一季度", "3月15日前".
const DATE_PHRASE =
  /(?:到|至|截至|于)?\d{4}\s*年(?:度|底|末|内)?(?:\d{1,2}\s*月(?:\d{1,2}\s*[日号])?(?:底|末|中旬|上旬|下旬)?)?(?:前|以前|之前)?|\d{1,2}\s*月(?:\d{1,2}\s*[日号])?(?:底|末)?(?:前|以前|之前)|年(?:底|末)(?:前|以前|之前)|[上下]半年|[一二三四1-4]\s*季度/gu;

const NOT_WORD = /[^\p{L}\p{N}]+/gu;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Per BMP code unit: 1 a letter or digit, 2 neither, 0 not looked up yet (a memo of WORD_CHAR). */
const wordUnit = new Uint8Array(0x10000);

/** Full-width forms to half-width (NFKC), so "１２" and "12" compare equal. */
export function halfWidth(text: string): string {
  return text.normalize('NFKC');
}

export function stripLeadingMarker(text: string): string {
  return text.replace(LEADING_MARKER, '');
}

/** The comparable core of an entry: no marker, no dates, no punctuation or spaces, lower case. */
export function comparable(text: string): string {
  return lettersAndDigits(stripLeadingMarker(halfWidth(text).trim()).replace(DATE_PHRASE, '')).toLowerCase();
}

/**
 * `text.replace(/[^\p{L}\p{N}]+/gu, '')`: only the letters and digits. The regular expression,
 * with Unicode classes over Chinese text, was most of comparable()'s time; a text of BMP
 * characters is filtered here with each code unit classified once per process. Surrogates
 * (astral characters, broken pairs) go to the regular expression.
 */
export function lettersAndDigits(text: string): string {
  let out = '';
  let from = 0; // start of the run of kept characters not yet copied
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return text.replace(NOT_WORD, '');
    let kind = wordUnit[c]!;
    if (kind === 0) wordUnit[c] = kind = WORD_CHAR.test(text[i]!) ? 1 : 2;
    if (kind === 2) {
      if (i > from) out += text.slice(from, i);
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Length in characters (code points, as `Array.from` counts them) without building the array. */
export function charCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low one is one character; a lone surrogate counts alone.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/**
 * Goals are one cell of numbered, dated sentences; their sentences are the unit a drafter
 * copies, so they are compared one by one. Sentences keep their original characters: they
 * are quoted back in findings.
 */
export function goalSentences(goalsText: string): string[] {
  return goalsText
    .split(/\n|(?<=[；;。！!])/u)
    .flatMap((s) => s.split(INLINE_MARKER))
    .map((s) => stripLeadingMarker(s).trim())
    .filter((s) => s.length > 0);
}
