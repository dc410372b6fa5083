import iconv from 'iconv-lite';
import { InputError } from '../domain/errors.js';

export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/**
 * Decode a text document whose encoding nobody declared. Chinese offices still save CSV and
 * text as GBK (Excel's default "CSV" on a Chinese Windows), so UTF-8 is tried strictly first,
 * then GB18030 (a superset of GBK). A byte stream that decodes as GB18030 is not proof: Big5
 * or Shift-JIS bytes often decode to valid but meaningless characters, so the result must
 * also read like Chinese (mostly GB2312 level-1 hanzi among its non-ASCII characters).
 */
export function decodeText(bytes: Uint8Array, file: string): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: strictUtf8(bytes.subarray(3), file), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: try the Chinese legacy encoding below
  }
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (looksLikeGbk(buf)) {
    return { text: iconv.decode(buf, 'gb18030'), encoding: 'gb18030' };
  }
  throw new InputError('error.encoding', { detail: describeBytes(buf) }, { file });
}

function strictUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError('error.encoding', { detail: 'BOM UTF-8' }, { file });
  }
}

/**
 * Walk the bytes as GBK double-byte pairs. Real Chinese text in GBK is dominated by
 * GB2312 level-1 hanzi (lead 0xB0–0xD7) and full-width punctuation (lead 0xA1–0xA3);
 * text in Big5 or Shift-JIS lands elsewhere or breaks the pairing.
 */
function looksLikeGbk(buf: Buffer): boolean {
  let pairs = 0;
  let common = 0;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i]!;
    if (b < 0x80) continue;
    const next = buf[i + 1];
    if (b === 0x80 || b === 0xff || next === undefined) return false;
    if (next >= 0x30 && next <= 0x39) {
      // GB18030 four-byte sequence: rare characters; accept but do not count as evidence
      i += 3;
      continue;
    }
    if (next < 0x40 || next === 0x7f || next === 0xff) return false;
    pairs++;
    const level1 = b >= 0xb0 && b <= 0xd7 && next >= 0xa1;
    const punct = b >= 0xa1 && b <= 0xa3 && next >= 0xa1;
    if (level1 || punct) common++;
    i++;
  }
  return pairs > 0 && common / pairs >= 0.6;
}

function describeBytes(buf: Buffer): string {
  const head = [...buf.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  return `bytes ${head}`;
}
