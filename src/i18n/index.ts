import { zhCN } from './zh-CN/index.js';
import { enUS } from './en-US/index.js';
import type { ErrorPlace } from '../domain/errors.js';
import { isolateBidi } from '../shared/text/bidi.js';

export type Locale = 'zh-CN' | 'en-US';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export type Catalogue = Record<string, string>;
const catalogues: Record<Locale, Catalogue> = { 'zh-CN': zhCN, 'en-US': enUS };

export function isLocale(s: unknown): s is Locale {
  return typeof s === 'string' && (LOCALES as readonly string[]).includes(s);
}

/**
 * `{name}` placeholders are filled from params; arrays are joined the locale's way. A value that
 * could reorder the sentence around it (a bidi override, right-to-left letters) is isolated.
 */
export function t(
  locale: Locale,
  key: string,
  params: Record<string, string | number | (string | number)[]> = {},
): string {
  const template = catalogues[locale][key] ?? catalogues[DEFAULT_LOCALE][key] ?? key;
  const sep = locale === 'zh-CN' ? '、' : ', ';
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return Array.isArray(v) ? v.map((x) => isolateBidi(String(x))).join(sep) : isolateBidi(String(v));
  });
}

/** "文件 a.docx 第 3 行 第 2 列" — where a problem is, in words. */
export function formatPlace(locale: Locale, place: ErrorPlace): string {
  const parts: string[] = [];
  if (place.file) parts.push(t(locale, 'place.file', { file: place.file }));
  if (place.sheet) parts.push(t(locale, 'place.sheet', { sheet: place.sheet }));
  if (place.table !== undefined) parts.push(t(locale, 'place.table', { table: place.table }));
  if (place.line !== undefined) parts.push(t(locale, 'place.line', { line: place.line }));
  if (place.row !== undefined) parts.push(t(locale, 'place.row', { row: place.row }));
  if (place.col !== undefined) parts.push(t(locale, 'place.col', { col: place.col }));
  if (place.field) parts.push(t(locale, 'place.field', { field: t(locale, `field.${place.field}`) }));
  return parts.join(locale === 'zh-CN' ? ' ' : ', ');
}
