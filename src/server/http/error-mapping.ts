import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isAppError, type AppError } from '../../domain/errors.js';
import { formatPlace, t, type Locale } from '../../i18n/index.js';
import { formatBytes } from '../../readers/human-size.js';
import { MESSAGE_KEY_PREFIX, type ErrorBody, type ErrorCode } from '../../shared/api/common.js';
import { storageProblemKey, storageProblemOf, type StorageProblem } from '../../store/storage-errors.js';

/**
 * The one place where an error becomes an HTTP status and body. Known errors name the problem
 * (and the field) in the request's language; anything else is a 500 "internal error" without
 * details — the log has them, the client never sees a stack trace.
 */

export interface HttpError {
  status: number;
  body: ErrorBody;
  headers?: Record<string, string>;
  /** Unexpected: log it. */
  internal?: boolean;
}

const UNSUPPORTED_KEYS = new Set([
  'error.unknown_format',
  'error.binary_garbage',
  'error.not_office',
  'error.legacy_office',
  'error.evidence_type',
  'error.evidence_empty',
  'error.evidence_macros',
  'error.evidence_heic',
]);

const TOO_LARGE_KEYS = new Set(['error.too_large', 'error.evidence_too_large']);

const STORAGE_CODES: Record<StorageProblem, ErrorCode> = {
  full: 'storage_full',
  read_only: 'storage_read_only',
  unavailable: 'db_unavailable',
};

/** What a client (or a proxy) is told to wait before trying again. */
const STORAGE_RETRY_SECONDS = 5;

export interface MappingContext {
  locale: Locale;
  maxUploadBytes: number;
}

export function toHttpError(e: unknown, ctx: MappingContext): HttpError {
  const { locale } = ctx;
  const body = (code: ErrorCode, message: string, field?: string): ErrorBody => ({
    error: { code, message, ...(field ? { field } : {}) },
  });
  if (hasZodFastifySchemaValidationErrors(e)) {
    const issue = e.validation[0]!;
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const field = path || (e as { validationContext?: string }).validationContext || 'body';
    const detail = validationDetail(locale, issue);
    return {
      status: 400,
      body: body('validation', t(locale, 'validation.invalid', { field, detail }), field),
    };
  }
  if (isAppError(e)) return fromAppError(e, ctx, body);

  const err = e as { statusCode?: number; code?: string; retryAfterSeconds?: number };
  const code = String(err.code ?? '');
  if (err.statusCode === 413) {
    return {
      status: 413,
      body: body(
        'too_large',
        t(locale, 'error.upload_too_large', { limit: formatBytes(ctx.maxUploadBytes) }),
      ),
    };
  }
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
    return { status: 415, body: body('unsupported_type', t(locale, 'error.not_multipart'), 'file') };
  }
  if (err.statusCode === 415)
    return { status: 415, body: body('unsupported_type', t(locale, 'error.unsupported_type')) };
  if (code.startsWith('FST_ERR_CTP_')) {
    return { status: 400, body: body('validation', t(locale, 'error.body_invalid'), 'body') };
  }
  if (err.statusCode === 429) {
    const seconds = err.retryAfterSeconds ?? 60;
    return {
      status: 429,
      body: body('rate_limited', t(locale, 'error.rate_limited', { seconds })),
      headers: { 'retry-after': String(seconds) },
    };
  }
  // The storage's condition, not the request's: 503, the problem named, the details in the log.
  const problem = storageProblemOf(e);
  if (problem) {
    return {
      status: 503,
      body: body(STORAGE_CODES[problem], t(locale, storageProblemKey(problem))),
      headers: { 'retry-after': String(STORAGE_RETRY_SECONDS) },
      internal: true,
    };
  }
  return { status: 500, body: body('internal', t(locale, 'error.internal_http')), internal: true };
}

function fromAppError(
  e: AppError,
  ctx: MappingContext,
  body: (code: ErrorCode, message: string, field?: string) => ErrorBody,
): HttpError {
  const { locale } = ctx;
  const field = e.place.field;
  const message = t(locale, e.key, e.params);
  switch (e.kind) {
    case 'input': {
      // Where in the document (file, row, column) the problem is, as the CLI says it.
      const place = formatPlace(locale, { ...e.place, field: undefined });
      const text = place ? `${place}${locale === 'zh-CN' ? '：' : ': '}${message}` : message;
      if (TOO_LARGE_KEYS.has(e.key)) return { status: 413, body: body('too_large', text, 'file') };
      if (UNSUPPORTED_KEYS.has(e.key)) return { status: 415, body: body('unsupported_type', text, 'file') };
      return { status: 400, body: body('input', text, 'file') };
    }
    case 'validation':
      return { status: 400, body: body('validation', message, field) };
    case 'not_found':
      return { status: 404, body: body('not_found', message, field) };
    case 'conflict':
      return { status: 409, body: body('conflict', message, field) };
    case 'forbidden':
      return { status: 403, body: body(e.key === 'error.csrf' ? 'csrf' : 'forbidden', message) };
    case 'unauthenticated':
      return { status: 401, body: body('unauthenticated', message) };
    case 'too_many': {
      const seconds = Number(e.params.seconds ?? 60);
      return { status: 429, body: body('locked', message), headers: { 'retry-after': String(seconds) } };
    }
  }
}

interface Issue {
  keyword: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** A zod issue in words. Messages that are catalogue keys (`validation.*`) are looked up as such. */
function validationDetail(locale: Locale, issue: Issue): string {
  const p = issue.params ?? {};
  if (issue.message?.startsWith(MESSAGE_KEY_PREFIX)) return t(locale, issue.message);
  switch (issue.keyword) {
    case 'invalid_type':
      return /received undefined/.test(issue.message ?? '')
        ? t(locale, 'validation.required')
        : t(locale, 'validation.invalid_type', { expected: String(p.expected ?? '') });
    case 'too_small':
    case 'too_big': {
      const origin = ['string', 'number', 'array'].includes(String(p.origin)) ? String(p.origin) : 'number';
      return t(locale, `validation.${issue.keyword}.${origin}`, {
        minimum: String(p.minimum ?? ''),
        maximum: String(p.maximum ?? ''),
      });
    }
    case 'invalid_value':
      return t(locale, 'validation.invalid_value', {
        values: (p.values as unknown[] | undefined)?.map(String) ?? [],
      });
    case 'invalid_format': {
      const key = `validation.invalid_format.${String(p.format)}`;
      const text = t(locale, key);
      return text === key ? t(locale, 'validation.invalid_format') : text;
    }
    case 'unrecognized_keys':
      return t(locale, 'validation.unrecognized_keys', { keys: (p.keys as string[] | undefined) ?? [] });
    default:
      return t(locale, 'validation.other');
  }
}
