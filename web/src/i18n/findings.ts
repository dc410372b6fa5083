/**
 * Plan-quality findings in the reader's language. The server stores each finding's message in
 * the language it was imported in; the code, variant and params let the web app word it again
 * from the same catalogues the CLI and server use (src/i18n/*\/findings.ts), so an English
 * reader does not get Chinese messages. Falls back to the stored message when it cannot.
 */
import { findings as zhFindings } from '../../../src/i18n/zh-CN/findings';
import { findings as enFindings } from '../../../src/i18n/en-US/findings';
import type { Finding } from '../api/types';
import { fill, useI18n, type Locale } from './index';

const TEMPLATES: Record<Locale, Record<string, string>> = { 'zh-CN': zhFindings, 'en-US': enFindings };

export function useFindingMessage(): (f: Finding) => string {
  const { locale, t, has } = useI18n();
  return (f) => {
    const key = f.variant ? `finding.${f.code}.${f.variant}` : `finding.${f.code}`;
    const template = TEMPLATES[locale][key];
    if (!template) return f.message;
    const params: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(f.params ?? {})) {
      params[k] = Array.isArray(v) ? v.join(t('common.listSep')) : v;
    }
    // Field names inside messages are shown in the reader's language (as the server does).
    for (const k of ['field', 'otherField']) {
      const v = params[k];
      const fieldKey = `field.${String(v)}`;
      if (typeof v === 'string' && has(fieldKey)) params[k] = t(fieldKey);
    }
    const text = fill(template, params);
    return /\{\w+\}/.test(text) ? f.message : text;
  };
}
