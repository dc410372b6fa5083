import type { Finding, FindingCode, PlanField, Severity } from './plan.js';
import { t, type Locale } from '../i18n/index.js';

/**
 * A finding before it is put into words. Rules produce drafts; the message is rendered once,
 * in the caller's locale, by renderFinding — so rules never hold user-facing text.
 */
export interface FindingDraft {
  code: FindingCode;
  severity: Severity;
  item: number | null;
  field: PlanField | null;
  excerpt?: string;
  /** Selects a message variant: catalogue key `finding.CODE.variant`. */
  variant?: string;
  params?: Record<string, string | number | (string | number)[]>;
}

export function renderFinding(d: FindingDraft, locale: Locale): Finding {
  const key = d.variant ? `finding.${d.code}.${d.variant}` : `finding.${d.code}`;
  const params = { ...(d.params ?? {}) };
  // Field names inside messages are shown in the reader's language.
  for (const k of ['field', 'otherField'] as const) {
    const v = params[k];
    if (typeof v === 'string' && !v.includes('.')) params[k] = t(locale, `field.${v}`);
  }
  const f: Finding = {
    code: d.code,
    severity: d.severity,
    item: d.item,
    field: d.field,
    ...(d.variant ? { variant: d.variant } : {}),
    message: t(locale, key, params),
  };
  if (d.excerpt !== undefined) f.excerpt = d.excerpt;
  if (d.params) f.params = d.params;
  return f;
}

/** Shorten quoted text for a finding: the first line, at most `max` characters. */
export function excerpt(text: string, max = 60): string {
  // Only the head is read: a finding is excerpted from its whole cell, which may be megabytes,
  // and a cell may hold thousands of findings.
  const head = text.length > max * 8 ? text.slice(0, max * 8) : text;
  const one = head.replace(/\s*\n\s*/g, ' ').trim();
  return one.length > max || head !== text ? `${one.slice(0, max - 1)}…` : one;
}
