import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { readDocument, type ReadOptions } from '../readers/read-document.js';
import { normalizeDocument } from '../domain/normalize.js';
import { InputError } from '../domain/errors.js';
import type { Plan } from '../domain/plan.js';
import type { Locale } from '../i18n/index.js';
import { formatBytes } from '../readers/human-size.js';

export interface ParsedDocument {
  plan: Plan;
  file: { name: string; format: string; sha256: string; bytes: number };
}

export interface ParseOptions extends ReadOptions {
  locale?: Locale;
  maxBytes?: number;
}

/** Bytes of an uploaded or local document → the plan. No database is touched. */
export async function parseDocumentBytes(
  bytes: Uint8Array,
  name: string,
  opts: ParseOptions = {},
): Promise<ParsedDocument> {
  const doc = await readDocument(bytes, name, opts);
  const plan = normalizeDocument(doc, { locale: opts.locale ?? 'zh-CN' });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { plan, file: { name, format: doc.format, sha256, bytes: bytes.byteLength } };
}

export async function parseDocumentFile(path: string, opts: ParseOptions = {}): Promise<ParsedDocument> {
  const name = basename(path);
  const info = await stat(path).catch(() => null);
  if (!info) throw new InputError('error.file_not_found', { file: path }, { file: name });
  if (!info.isFile()) throw new InputError('error.not_a_file', { file: path }, { file: name });
  const limit = opts.maxBytes ?? 50 * 1024 * 1024;
  // Refuse before reading: a 5 GB file must not be pulled into memory to be told it is too big.
  if (info.size > limit) {
    throw new InputError(
      'error.too_large',
      { size: formatBytes(info.size), limit: formatBytes(limit) },
      { file: name },
    );
  }
  return parseDocumentBytes(await readFile(path), name, opts);
}
