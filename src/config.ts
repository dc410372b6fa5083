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
  /** Largest evidence file (佐证材料) a report accepts. */
  evidenceMaxBytes: number;
  host: string;
  port: number;
  /** Mark the session cookie Secure (HTTPS only). Off by default: the default is http://127.0.0.1. */
  cookieSecure: boolean;
  /** A session ends after this many hours without a request. */
  sessionHours: number;
  /** …and this many hours after sign-in however active it is (at least sessionHours). */
  sessionMaxHours: number;
  /** Login attempts per minute per client address (on top of the per-account lock-out). */
  loginRatePerMinute: number;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  trustProxy: boolean;
  /** Time zone of "today", the default as-of date. */
  timeZone: string;
  /** Seconds between reminder passes of the server (0: the server sends no reminders). */
  reminderIntervalSeconds: number;
  /** Reminder webhooks may reach loopback (a relay sidecar on this host); link-local never. */
  webhookAllowLoopback: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** First start only: the admin's password (random and printed once when unset). */
  adminPassword?: string;
  /** The public portal (/public, /s): requests per minute per client address (default in its plugin). */
  publicRatePerMinute?: number;
  /** The public portal's address as citizens reach it (QR codes, the feed); default: the request's. */
  publicBaseUrl?: string;
  /**
   * Serve the public portal from a process of its own on this port (docs/public-portal.md §
   * Its own process). Unset: the office's server answers /public itself, on one port.
   */
  publicPort?: number;
  /** The address the public portal's process listens on; default HOST. */
  publicHost?: string;
  /**
   * The portal's process behind a reverse proxy (X-Forwarded-For), apart from the office's:
   * the portal usually sits behind the government site's proxy while the office is reached
   * directly, where trusting the header would let anyone pick their address. Default TRUST_PROXY.
   */
  publicTrustProxy: boolean;
}

export type Env = Record<string, string | undefined>;

export const DEFAULT_DATA_DIR = './data';
export const DEFAULT_DB_FILE = 'reform-ledger.db';
export const DEFAULT_MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
export const DEFAULT_EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_SESSION_HOURS = 12;
export const DEFAULT_SESSION_MAX_HOURS = 24;
export const DEFAULT_LOGIN_RATE_PER_MINUTE = 10;
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
export const DEFAULT_REMINDER_INTERVAL_SECONDS = 300;
/** PostgreSQL connections per server: docs/scaling.md § Sizing the pool (measured). */
export const DEFAULT_DB_POOL_MAX = 20;

/** Unset and empty mean the same thing: shells and .env files often export `VAR=`. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const intFrom = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'an IANA time zone such as Asia/Shanghai');

const envSchema = z.object({
  DATA_DIR: optional(z.string()),
  DATABASE_URL: optional(
    z
      .string()
      .regex(/^(postgres(ql)?:\/\/|sqlite:|file:)/, 'postgres://…, postgresql://…, sqlite:PATH or file:PATH'),
  ),
  DB_POOL_MAX: optional(intFrom(1, 1000)),
  MAX_UPLOAD_BYTES: optional(intFrom(1, Number.MAX_SAFE_INTEGER)),
  EVIDENCE_MAX_BYTES: optional(intFrom(1, Number.MAX_SAFE_INTEGER)),
  HOST: optional(z.string()),
  PORT: optional(intFrom(0, 65535)),
  COOKIE_SECURE: optional(bool),
  SESSION_HOURS: optional(intFrom(1, 24 * 30)),
  SESSION_MAX_HOURS: optional(intFrom(1, 24 * 90)),
  LOGIN_RATE_PER_MINUTE: optional(intFrom(1, 10_000)),
  TRUST_PROXY: optional(bool),
  PUBLIC_TRUST_PROXY: optional(bool),
  TIME_ZONE: optional(timeZone),
  REMINDER_INTERVAL_SECONDS: optional(intFrom(0, 7 * 24 * 3600)),
  WEBHOOK_ALLOW_LOOPBACK: optional(bool),
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
  ADMIN_PASSWORD: optional(z.string()),
  PUBLIC_RATE_PER_MINUTE: optional(intFrom(1, 10_000_000)),
  PUBLIC_BASE_URL: optional(z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, ''))),
  PUBLIC_PORT: optional(intFrom(0, 65535)),
  PUBLIC_HOST: optional(z.string()),
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
  const sessionHours = e.SESSION_HOURS ?? DEFAULT_SESSION_HOURS;
  // Unset, the absolute lifetime follows a longer idle one rather than cutting it short.
  const sessionMaxHours = e.SESSION_MAX_HOURS ?? Math.max(DEFAULT_SESSION_MAX_HOURS, sessionHours);
  if (sessionMaxHours < sessionHours) {
    throw new ValidationError('error.config', {
      name: 'SESSION_MAX_HOURS',
      detail: `>= SESSION_HOURS (${sessionHours})`,
    });
  }
  const port = e.PORT ?? 3000;
  // Both on one address and port: the portal's process would take it, the office would fail.
  if (e.PUBLIC_PORT !== undefined && e.PUBLIC_PORT !== 0 && e.PUBLIC_PORT === port) {
    throw new ValidationError('error.config', { name: 'PUBLIC_PORT', detail: `≠ PORT (${port})` });
  }
  const dataDir = e.DATA_DIR ?? DEFAULT_DATA_DIR;
  return {
    dataDir,
    database: databaseFrom(e.DATABASE_URL, dataDir, e.DB_POOL_MAX ?? DEFAULT_DB_POOL_MAX),
    maxUploadBytes: e.MAX_UPLOAD_BYTES ?? DEFAULT_MAX_UPLOAD_BYTES,
    evidenceMaxBytes: e.EVIDENCE_MAX_BYTES ?? DEFAULT_EVIDENCE_MAX_BYTES,
    host: e.HOST ?? '127.0.0.1',
    port,
    cookieSecure: e.COOKIE_SECURE ?? false,
    sessionHours,
    sessionMaxHours,
    loginRatePerMinute: e.LOGIN_RATE_PER_MINUTE ?? DEFAULT_LOGIN_RATE_PER_MINUTE,
    trustProxy: e.TRUST_PROXY ?? false,
    publicTrustProxy: e.PUBLIC_TRUST_PROXY ?? e.TRUST_PROXY ?? false,
    timeZone: e.TIME_ZONE ?? DEFAULT_TIME_ZONE,
    reminderIntervalSeconds: e.REMINDER_INTERVAL_SECONDS ?? DEFAULT_REMINDER_INTERVAL_SECONDS,
    webhookAllowLoopback: e.WEBHOOK_ALLOW_LOOPBACK ?? false,
    logLevel: e.LOG_LEVEL ?? 'warn',
    ...(e.ADMIN_PASSWORD !== undefined ? { adminPassword: e.ADMIN_PASSWORD } : {}),
    ...(e.PUBLIC_RATE_PER_MINUTE !== undefined ? { publicRatePerMinute: e.PUBLIC_RATE_PER_MINUTE } : {}),
    ...(e.PUBLIC_BASE_URL !== undefined ? { publicBaseUrl: e.PUBLIC_BASE_URL } : {}),
    ...(e.PUBLIC_PORT !== undefined ? { publicPort: e.PUBLIC_PORT } : {}),
    ...(e.PUBLIC_HOST !== undefined ? { publicHost: e.PUBLIC_HOST } : {}),
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
