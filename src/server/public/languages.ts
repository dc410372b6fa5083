import type { Locale } from '../../i18n/index.js';

/** Each language by its own name, as a language switch shows it whatever the page's language. */
export const LANGUAGE_NAMES: Record<Locale, string> = { 'zh-CN': '中文', 'en-US': 'English' };
