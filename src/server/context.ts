import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { Db } from '../store/database.js';
import type { LedgerCache } from '../services/ledger.service.js';
import { localDate } from '../services/local-date.js';
import type { EvidenceStore } from '../services/evidence-store.js';

/** What every route needs from outside itself; built once by buildApp. */
export interface ServerContext {
  db: Db;
  config: Config;
  /** The clock: tests pass a fixed one. */
  now: () => Date;
  ledgerCache: LedgerCache;
  /** The bytes of evidence files (佐证材料), by SHA-256. */
  evidenceStore: EvidenceStore;
  /** Told each time an org's public site changes (publish, withdraw): the portal's own process. */
  onPublicChange?: (orgId: string) => Promise<void> | void;
}

export type ApiApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/**
 * Today's date where the office is (config.timeZone, Asia/Shanghai by default): between midnight
 * and 08:00 in China the UTC date is still yesterday, which would shift every status by a day.
 */
export function today(ctx: ServerContext): string {
  return localDate(ctx.now(), ctx.config.timeZone);
}
