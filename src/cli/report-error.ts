import { isAppError } from '../domain/errors.js';
import { formatPlace, t } from '../i18n/index.js';
import { storageProblemOf } from '../store/storage-errors.js';
import { EXIT, println, type CliContext } from './io.js';

/**
 * The one place where an error becomes words and an exit code: a known error names the
 * problem and the place (file, row, field) and exits 2; anything else is reported as an
 * internal error without a stack trace (set REFORM_LEDGER_DEBUG=1 to see it).
 */
export function reportError(ctx: CliContext, e: unknown): number {
  if (isAppError(e)) {
    const place = formatPlace(ctx.locale, e.place);
    const message = t(ctx.locale, e.key, e.params);
    println(ctx.stderr, place ? `${place}${ctx.locale === 'zh-CN' ? '：' : ': '}${message}` : message);
    return EXIT.input;
  }
  const detail = e instanceof Error ? e.message : String(e);
  // A full disk, a read-only folder, a database that does not answer: one line saying so.
  const problem = storageProblemOf(e);
  if (problem) {
    println(ctx.stderr, t(ctx.locale, `cli.storage.${problem}`, { detail: oneLine(detail) }));
    return EXIT.storage;
  }
  println(ctx.stderr, t(ctx.locale, 'error.internal', { detail }));
  if (ctx.env.REFORM_LEDGER_DEBUG && e instanceof Error && e.stack) println(ctx.stderr, e.stack);
  return EXIT.internal;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
