import { DEFAULT_LOCALE, type Locale } from '../../i18n/index.js';

/**
 * The response language from Accept-Language: en-US when an English tag ranks above every
 * Chinese one, zh-CN otherwise (the office's language is the default, not a fallback).
 */
export function localeFrom(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1, i };
    })
    .filter((r) => r.tag !== '' && Number.isFinite(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const r of ranked) {
    if (r.tag === 'en' || r.tag.startsWith('en-')) return 'en-US';
    if (r.tag === 'zh' || r.tag.startsWith('zh-')) return 'zh-CN';
  }
  return DEFAULT_LOCALE;
}
