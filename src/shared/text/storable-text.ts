/**
 * Text both databases hold the same: PostgreSQL refuses NUL in `text` (SQLite keeps it), and a
 * lone UTF-16 surrogate has no UTF-8 form (each driver replaces it in its own way). Neither is
 * ever meant by the person who typed or pasted it, so NUL is dropped and a lone surrogate becomes
 * U+FFFD, at the edges where text comes in: request bodies, query strings and path parameters
 * (src/server/plugins/storable-input.plugin.ts) and documents read for import (src/readers).
 */

import { mapStrings } from './map-strings.js';

// eslint-disable-next-line no-control-regex -- control characters are what this matches
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;
// eslint-disable-next-line no-control-regex -- control characters are what this matches
const UNSTORABLE_TEST = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

export function storableText(text: string): string {
  if (!UNSTORABLE_TEST.test(text)) return text;
  return text.replace(UNSTORABLE, (c) => (c === '\u0000' ? '' : '\ufffd'));
}

/** Every string in a JSON-like value made storable (the value itself when none needed it). */
export function storableDeep<T>(value: T): T {
  return mapStrings(value, storableText);
}
