import { periodText } from '../../domain/bulletin/format.js';
import type { Period } from '../../domain/reporting/period.js';
import type { Rag } from '../../domain/status/status.js';
import { t, type Locale } from '../../i18n/index.js';
import { quantity } from '../../writers/ledger-progress.js';
import { markup, type SafeHtml } from './html.js';

/**
 * What every public page is drawn with: the language, the org, the site's origin (for the
 * absolute addresses of QR codes and the feed), and helpers for words, dates and addresses.
 * Every address carries ?lang=en-US when the page is English, so a reader stays in their language
 * without a cookie.
 */

export interface View {
  locale: Locale;
  orgId: string;
  orgName: string;
  /** https://host — from PUBLIC_BASE_URL, else the request's own. */
  origin: string;
}

export type Params = Record<string, string | number>;

export function tr(v: View, key: string, params: Params = {}): string {
  return t(v.locale, key, params);
}

export function dateText(v: View, iso: string): string {
  const [y, mm, dd] = iso.slice(0, 10).split('-');
  return tr(v, 'public.date', { y: y!, m: Number(mm), d: Number(dd), mm: mm!, dd: dd! });
}

export function periodLabel(v: View, period: string): string {
  return periodText(v.locale, period as Period);
}

export function statusText(v: View, status: Rag, late = false): string {
  return status === 'done' && late ? tr(v, 'public.status.doneLate') : tr(v, `public.status.${status}`);
}

/** The status in words, tinted: colour is never the only carrier. */
export function statusBadge(v: View, status: Rag, late = false): SafeHtml {
  return markup`<span class="st st-${status}">${statusText(v, status, late)}</span>`;
}

export function quantityText(v: View, value: number, unit: string): string {
  return quantity(value, unit, v.locale);
}

export function percent(v: View, rate: number | null): string {
  if (rate === null) return tr(v, 'public.noScore');
  return tr(v, 'public.percent', { value: String(Math.round(rate * 1000) / 10) });
}

/** A path with the page's language (and other query parameters) added. */
export function withLang(v: View, path: string, query: Record<string, string> = {}): string {
  const q = new URLSearchParams(query);
  if (v.locale !== 'zh-CN') q.set('lang', v.locale);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

const base = (v: View) => `/public/${encodeURIComponent(v.orgId)}`;

export const urls = {
  home: (v: View) => withLang(v, `${base(v)}/`),
  period: (v: View, period: string, status?: Rag) =>
    withLang(v, `${base(v)}/periods/${period}/`, status ? { status } : {}),
  item: (v: View, period: string, ref: string) =>
    withLang(v, `${base(v)}/periods/${period}/items/${encodeURIComponent(ref)}`),
  qr: (v: View, period: string, ref: string) =>
    `${base(v)}/periods/${period}/items/${encodeURIComponent(ref)}/qr.svg`,
  scoreboard: (v: View, period: string) => withLang(v, `${base(v)}/periods/${period}/scoreboard`),
  bulletins: (v: View) => withLang(v, `${base(v)}/bulletins`),
  docx: (v: View, id: string) => `${base(v)}/bulletins/${encodeURIComponent(id)}.docx`,
  feed: (v: View) => withLang(v, `${base(v)}/feed.atom`),
  short: (v: View, code: string) => `${v.origin}/s/${code}`,
};
