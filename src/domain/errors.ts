/**
 * Typed errors of the application. Services and the domain throw these; each adapter (CLI,
 * HTTP) maps them in one place to an exit code or status. Messages are not built here: the
 * `key` names a catalogue entry (src/i18n) and `params` fill it, so the CLI and the web app
 * can say the same thing in zh-CN or en-US.
 */

export interface ErrorPlace {
  file?: string;
  table?: number;
  sheet?: string;
  row?: number;
  col?: number;
  line?: number;
  field?: string;
}

export type ErrorParams = Record<string, string | number>;

export abstract class AppError extends Error {
  abstract readonly kind:
    'input' | 'validation' | 'not_found' | 'conflict' | 'forbidden' | 'unauthenticated' | 'too_many';
  constructor(
    readonly key: string,
    readonly params: ErrorParams = {},
    readonly place: ErrorPlace = {},
  ) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = new.target.name;
  }
}

/** A document that cannot be read as a plan: wrong format, corrupt, too large, no table. */
export class InputError extends AppError {
  readonly kind = 'input' as const;
}

/** A request or field that breaks a rule. */
export class ValidationError extends AppError {
  readonly kind = 'validation' as const;
}

export class NotFoundError extends AppError {
  readonly kind = 'not_found' as const;
}

export class ConflictError extends AppError {
  readonly kind = 'conflict' as const;
}

export class ForbiddenError extends AppError {
  readonly kind = 'forbidden' as const;
}

/** Who is asking is not known: no session, an expired one, or a wrong username or password. */
export class UnauthenticatedError extends AppError {
  readonly kind = 'unauthenticated' as const;
}

/** Too many attempts: an account locked after failed logins. `params.seconds` says for how long. */
export class TooManyAttemptsError extends AppError {
  readonly kind = 'too_many' as const;
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
