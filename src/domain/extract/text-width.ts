/**
 * Full-width ASCII (０-９, Ａ-Ｚ, ．，：；（）％) → half-width, one character for one character,
 * so that positions found in the folded text are positions in the original. Offices mix both
 * widths freely; every pattern in the importer runs on folded text.
 */
export function foldWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/** Only folds digits and the period/percent, keeping Chinese punctuation (，；（）) for splitting. */
export function foldDigits(text: string): string {
  return text.replace(/[０-９．％]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}
