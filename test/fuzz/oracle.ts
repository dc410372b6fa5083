/**
 * What every document, however hostile, must come to: a plan that satisfies the published
 * contract (planSchema), or an AppError whose key the zh-CN catalogue can put into words
 * with every placeholder filled — within a time bound. Anything else is a failure: a
 * TypeError or RangeError from our code, a library's own error leaking past the reader
 * boundary, a stack overflow, a result that breaks the schema, or a case that takes too long.
 */
import { isAppError } from '../../src/domain/errors.js';
import { planSchema } from '../../src/domain/plan-schema.js';
import { zhCN } from '../../src/i18n/zh-CN/index.js';
import { parseDocumentBytes } from '../../src/services/parse-document.service.js';

/**
 * Per-case time bound: far above what a small document needs (milliseconds), plus as much
 * again per MiB of input, since a few generated cases are megabytes of real rows and reading
 * takes time in proportion. What the bound catches is work that grows faster than the input.
 */
export const CASE_TIME_LIMIT_MS = 2000;
export const TIME_PER_MIB_MS = 2000;

export function timeLimitFor(bytes: Uint8Array): number {
  return Math.round(CASE_TIME_LIMIT_MS + (TIME_PER_MIB_MS * bytes.length) / (1024 * 1024));
}

export type Outcome =
  | { kind: 'plan'; items: number; ms: number }
  | { kind: 'error'; key: string; ms: number }
  | { kind: 'failure'; reason: string; ms: number };

/** Runs one document through the whole importer and classifies what came out; never throws. */
export async function classifyCase(
  bytes: Uint8Array,
  name: string,
  limitMs = timeLimitFor(bytes),
): Promise<Outcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let outcome: Outcome;
  try {
    // A promise that never settles (a library waiting for a stream that never ends) is a
    // hang too; a synchronous loop cannot be interrupted here — the fuzz script's watchdog
    // kills the process running it.
    const { plan } = await settleWithin(parseDocumentBytes(bytes, name), limitMs * 2);
    const checked = planSchema.safeParse(plan);
    outcome = checked.success
      ? { kind: 'plan', items: plan.items.length, ms: elapsed() }
      : {
          kind: 'failure',
          reason: `plan breaks the schema: ${checked.error.message.slice(0, 500)}`,
          ms: elapsed(),
        };
  } catch (e) {
    outcome = classifyError(e, elapsed());
  }
  if (outcome.kind !== 'failure' && outcome.ms > limitMs) {
    return {
      kind: 'failure',
      reason: `took ${outcome.ms} ms (limit ${limitMs} ms), ended in ${describe(outcome)}`,
      ms: outcome.ms,
    };
  }
  return outcome;
}

class Unsettled extends Error {}

function settleWithin<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Unsettled(`no result after ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

function classifyError(e: unknown, ms: number): Outcome {
  if (e instanceof Unsettled) return { kind: 'failure', reason: `hang: ${e.message}`, ms };
  if (!isAppError(e)) {
    const err = e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e);
    return { kind: 'failure', reason: `not an AppError: ${err.slice(0, 2000)}`, ms };
  }
  const template = zhCN[e.key];
  if (template === undefined) return { kind: 'failure', reason: `unknown message key ${e.key}`, ms };
  const missing = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).filter((p) => !(p in e.params));
  if (missing.length) {
    return { kind: 'failure', reason: `${e.key} without ${missing.join(', ')}`, ms };
  }
  return { kind: 'error', key: e.key, ms };
}

function describe(o: Outcome): string {
  return o.kind === 'plan' ? `a plan of ${o.items} items` : o.kind === 'error' ? o.key : 'a failure';
}

/** The property as an assertion (for fast-check): resolves to the outcome, throws on a failure. */
export async function expectPlanOrClearError(
  bytes: Uint8Array,
  name: string,
  limitMs = timeLimitFor(bytes),
): Promise<Outcome> {
  const outcome = await classifyCase(bytes, name, limitMs);
  if (outcome.kind === 'failure') throw new Error(`${name} (${bytes.length} bytes): ${outcome.reason}`);
  return outcome;
}
