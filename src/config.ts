import { join } from 'node:path';
import { z } from 'zod';
import { ValidationError } from './domain/errors.js';

/**
 * Configuration from the environment, validated once at start-up so a typo in an env var fails
 * loudly instead of silently falling back. `loadConfig` reads only the object it is given (no
 * process.env, no filesystem), so tests pass plain objects.
 */

export type DatabaseConfig =
  { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; poolMax: number };

export interface Config {
  dataDir: string;
  database: DatabaseConfig;
  maxUploadBytes: number;
  host: string;
  port: number;
}

export type Env = Record<string, string | undefined>;

export const DEFAULT_DATA_DIR = './data';
export const DEFAULT_DB_FILE = 'reform-ledger.db';
export const DEFAULT_MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/** Unset and empty mean the same thing: shells and .env files often export `VAR=`. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const intFrom = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const envSchema = z.object({
  DATA_DIR: optional(z.string()),
  DATABASE_URL: optional(
    z
      .string()
      .regex(/^(postgres(ql)?:\/\/|sqlite:|file:)/, 'postgres://…, postgresql://…, sqlite:PATH or file:PATH'),
  ),
  DB_POOL_MAX: optional(intFrom(1, 1000)),
  MAX_UPLOAD_BYTES: optional(intFrom(1, Number.MAX_SAFE_INTEGER)),
  HOST: optional(z.string()),
  PORT: optional(intFrom(0, 65535)),
});

export function loadConfig(env: Env): Config {
  const parsed = envSchema.safeParse(pick(env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ValidationError('error.config', {
      name: String(issue.path[0] ?? ''),
      detail: issue.message,
    });
  }
  const e = parsed.data;
  const dataDir = e.DATA_DIR ?? DEFAULT_DATA_DIR;
  return {
    dataDir,
    database: databaseFrom(e.DATABASE_URL, dataDir, e.DB_POOL_MAX ?? 10),
    maxUploadBytes: e.MAX_UPLOAD_BYTES ?? DEFAULT_MAX_UPLOAD_BYTES,
    host: e.HOST ?? '127.0.0.1',
    port: e.PORT ?? 3000,
  };
}

function databaseFrom(url: string | undefined, dataDir: string, poolMax: number): DatabaseConfig {
  if (url === undefined) return { kind: 'sqlite', file: join(dataDir, DEFAULT_DB_FILE) };
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url, poolMax };
  // sqlite:PATH / file:PATH let tests and one-off tools point at another file (or :memory:).
  return { kind: 'sqlite', file: url.replace(/^(sqlite|file):(\/\/)?/, '') };
}

/** Only known keys reach zod: process.env holds hundreds of unrelated variables. */
function pick(env: Env): Env {
  const out: Env = {};
  for (const k of Object.keys(envSchema.shape)) out[k] = env[k];
  return out;
}
