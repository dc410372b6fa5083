import { z } from 'zod';

/**
 * Building blocks of the HTTP contract (docs/api.md). This folder is shared with the web app:
 * zod only, no Node imports, so a browser bundle can import it as it is.
 */

export const isoDate = z.iso.date().describe('ISO date, YYYY-MM-DD');

/** Query strings send `q=` for an empty field: treat it as absent, not as an invalid value. */
export function optionalParam<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
}

export const STATUSES = ['red', 'yellow', 'green', 'done'] as const;
export const statusSchema = z.enum(STATUSES).describe('三色预警: red overdue, yellow due soon, green, done');
export type Status = z.infer<typeof statusSchema>;

export const statusCountsSchema = z.object({
  red: z.number().int(),
  yellow: z.number().int(),
  green: z.number().int(),
  done: z.number().int(),
  total: z.number().int(),
});
export type StatusCounts = z.infer<typeof statusCountsSchema>;

export const unitRefSchema = z.object({ id: z.string(), name: z.string() });
export type UnitRefDto = z.infer<typeof unitRefSchema>;

export const nextDeadlineSchema = z.object({ deadline: isoDate, text: z.string(), status: statusSchema });
export type NextDeadlineDto = z.infer<typeof nextDeadlineSchema>;

export const quarterSchema = z.string().regex(/^\d{4}Q[1-4]$/, 'validation.quarter');

export const idParamsSchema = z.object({ id: z.uuid() });

/** Codes of `error.code`: stable, for programs; `message` is for people. */
export const ERROR_CODES = [
  'validation',
  'input',
  'unauthenticated',
  'forbidden',
  'csrf',
  'not_found',
  'conflict',
  'too_large',
  'unsupported_type',
  'locked',
  'rate_limited',
  'db_unavailable',
  'storage_full',
  'storage_read_only',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      /** The request field at fault (`pageSize`, `items.3.title`), for validation errors. */
      field: z.string().optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorSchema>;

/**
 * Zod messages that are catalogue keys (`validation.*`): the server translates them with the
 * request's language, and the web app can look them up in its own catalogue.
 */
export const MESSAGE_KEY_PREFIX = 'validation.';
