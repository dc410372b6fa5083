/**
 * Language of the web app: zh-CN (default) or en-US, persisted in localStorage. Gives components
 * `t(key, params)` over the message catalogues, and date/number formatting the locale's way
 * (2022年6月30日 in Chinese). antd and dayjs follow the same choice (see app/Providers.tsx).
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { setApiLanguage } from '../api/client';
import { zhCN, type MessageKey } from './zh-CN';
import { enUS } from './en-US';
import { formatDate, formatQuarter, formatValue, type Locale } from './format';
import { isolateBidi } from '../../../src/shared/text/bidi.js';

export type { MessageKey, Locale };
export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];
/** Each language by its own name, as a language switch shows it whatever the current language. */
export const LANGUAGE_NAMES: Record<Locale, string> = { 'zh-CN': '中文', 'en-US': 'English' };
const STORAGE_KEY = 'reform-ledger.locale';
const catalogues: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export interface I18n {
  locale: Locale;
  setLocale: (l: Locale) => void;
  t: Translate;
  /** Has the catalogue this key (for keys built at run time, e.g. finding codes)? */
  has: (key: string) => key is MessageKey;
  date: (iso: string | null | undefined) => string;
  quarter: (q: string) => string;
  value: (value: number | null, unit: string) => string;
}

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh-CN' || saved === 'en-US') return saved;
  } catch {
    // storage unavailable: default
  }
  return 'zh-CN';
}

/** Values come from anywhere (a plan's text, a unit's name): each is isolated from the sentence. */
export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : isolateBidi(String(params[name])),
  );
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const l = initialLocale();
    setApiLanguage(l);
    document.documentElement.lang = l;
    return l;
  });
  const setLocale = useCallback((l: Locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // not persisted; still switch
    }
    setApiLanguage(l);
    document.documentElement.lang = l;
    setLocaleState(l);
  }, []);
  const value = useMemo<I18n>(() => {
    const cat = catalogues[locale];
    return {
      locale,
      setLocale,
      t: (key, params) => fill(cat[key] ?? zhCN[key] ?? key, params),
      has: (key: string): key is MessageKey => key in zhCN,
      date: (iso) => formatDate(iso, locale),
      quarter: (q) => formatQuarter(q, locale),
      value: (v, unit) => formatValue(v, unit, locale),
    };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
