/**
 * Text both databases hold the same: PostgreSQL refuses NUL in `text` (SQLite keeps it), and a
 * lone UTF-16 surrogate has no UTF-8 form (each driver replaces it in its own way). Neither is
 * ever meant by the person who typed or pasted it, so NUL is dropped and a lone surrogate becomes
 * U+FFFD, at the edges where text comes in: request bodies, query strings and path parameters
 * (src/server/plugins/storable-input.plugin.ts) and documents read for import (src/readers).
 */

const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;
const UNSTORABLE_TEST = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

export function storableText(text: string): string {
  if (!UNSTORABLE_TEST.test(text)) return text;
  return text.replace(UNSTORABLE, (c) => (c === '\u0000' ? '' : '\ufffd'));
}

/**
 * Every string in a JSON-like value made storable. Returns the value itself when nothing needed
 * changing (the common case costs one walk and no copies).
 */
export function storableDeep<T>(value: T): T {
  if (typeof value === 'string') return storableText(value) as T;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    value.forEach((v: unknown, i) => {
      const s = storableDeep(v);
      if (s !== v) (copy ??= [...value])[i] = s;
    });
    return (copy ?? value) as T;
  }
  if (value !== null && typeof value === 'object' && isPlain(value)) {
    let copy: Record<string, unknown> | null = null;
    for (const [k, v] of Object.entries(value)) {
      const s = storableDeep(v);
      if (s !== v) (copy ??= { ...(value as Record<string, unknown>) })[k] = s;
    }
    return (copy ?? value) as T;
  }
  return value;
}

/** Parsed JSON and query strings (whose objects may have no prototype); not Buffers, Dates, streams. */
function isPlain(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
