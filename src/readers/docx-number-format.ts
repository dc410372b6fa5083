/**
 * Renders a list counter the way Word draws it for a `w:numFmt`. Only the formats met in
 * Chinese government documents and the common Western ones are drawn; any other falls back
 * to decimal, which still keeps the item's position readable.
 */

const CN_DIGITS = '零一二三四五六七八九';
const CN_LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

export function formatCounter(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'none':
      return '';
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n, CN_DIGITS, '十百千');
    case 'chineseLegalSimplified':
      return chineseCounting(n, CN_LEGAL_DIGITS, '拾佰仟', true);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return [...String(n)].map((d) => (d === '0' ? '〇' : CN_DIGITS[Number(d)])).join('');
    // Word draws these as the ten heavenly stems and twelve earthly branches, cycling.
    case 'ideographTraditional':
      return cycle(HEAVENLY_STEMS, n);
    case 'ideographZodiac':
      return cycle(EARTHLY_BRANCHES, n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return enclosed(n, 0x2460, 20); // ①..⑳
    case 'decimalEnclosedParen':
      return enclosed(n, 0x2474, 20); // ⑴..⒇
    case 'decimalEnclosedFullstop':
      return enclosed(n, 0x2488, 20); // ⒈..⒛
    case 'ideographEnclosedCircle':
      return enclosed(n, 0x3280, 10); // ㊀..㊉
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
    case 'lowerLetter':
      return letters(n, 'a');
    case 'upperLetter':
      return letters(n, 'A');
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    default:
      return String(n);
  }
}

/** 1..9999 the way it is read aloud: 十, 十一, 二十, 一百零一, 一千零一十. */
function chineseCounting(n: number, digits: string, units: string, legal = false): string {
  if (n <= 0 || n > 9999) return String(n);
  if (n < 10) return digits[n]!;
  const parts = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  const names = [units[2]!, units[1]!, units[0]!, ''];
  let out = '';
  let zeroPending = false;
  parts.forEach((d, i) => {
    if (d === 0) {
      if (out) zeroPending = true;
      return;
    }
    if (zeroPending) out += digits[0]!;
    zeroPending = false;
    // 10..19 read "十一", not "一十一" (except in the legal style: 壹拾壹).
    const dropOne = !legal && !out && d === 1 && i === 2;
    out += (dropOne ? '' : digits[d]!) + names[i]!;
  });
  return out;
}

function cycle(chars: string, n: number): string {
  return n >= 1 ? chars[(n - 1) % chars.length]! : String(n);
}

function enclosed(n: number, first: number, max: number): string {
  return n >= 1 && n <= max ? String.fromCharCode(first + n - 1) : String(n);
}

/** Word repeats the letter past z: a..z, aa, bb, … (not spreadsheet columns). Past 780
 *  (thirty letters) the number is written as digits: a start value of a billion must not make
 *  a paragraph of a billion/26 letters. */
function letters(n: number, a: string): string {
  if (!(n >= 1 && n <= 780)) return String(n);
  const letter = String.fromCharCode(a.charCodeAt(0) + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n < 1 || n > 3999) return String(n);
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [value, sym] of table) {
    while (rest >= value) {
      out += sym;
      rest -= value;
    }
  }
  return out;
}
