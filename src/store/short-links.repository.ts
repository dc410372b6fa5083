import { randomInt } from 'node:crypto';
import type { Executor } from './database.js';

/**
 * Short links (/s/:code) of the public portal (migration 005): one per (org, period, item), made
 * when the period is first published and kept ever after, so a printed QR code stays valid.
 */

/** No 0/O, 1/l/I: a code is sometimes typed from paper. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const SHORT_CODE_LENGTH = 7;
export const SHORT_CODE = new RegExp(`^[${ALPHABET}]{${SHORT_CODE_LENGTH}}$`);

export function newShortCode(): string {
  let code = '';
  for (let i = 0; i < SHORT_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** The period's codes by item key, made for the items that have none yet. */
export async function ensureShortLinks(
  exec: Executor,
  orgId: string,
  period: string,
  itemKeys: readonly string[],
  at: string,
): Promise<Map<string, string>> {
  const rows = await exec
    .selectFrom('short_links')
    .select(['item_key', 'code'])
    .where('org_id', '=', orgId)
    .where('period', '=', period)
    .execute();
  const codes = new Map(rows.map((r) => [r.item_key, r.code]));
  const missing = itemKeys.filter((k) => !codes.has(k));
  if (missing.length === 0) return codes;
  // 31^7 ≈ 2.7e10 codes: a clash is unlikely, but checked rather than left to the primary key,
  // whose violation would abort a PostgreSQL transaction.
  const fresh = new Set<string>();
  while (fresh.size < missing.length) fresh.add(newShortCode());
  const taken = await exec
    .selectFrom('short_links')
    .select('code')
    .where('code', 'in', [...fresh])
    .execute();
  for (const { code } of taken) fresh.delete(code);
  while (fresh.size < missing.length) fresh.add(newShortCode());
  const list = [...fresh];
  const values = missing.map((itemKey, i) => ({
    code: list[i]!,
    org_id: orgId,
    period,
    item_key: itemKey,
    created_at: at,
  }));
  for (let i = 0; i < values.length; i += 200) {
    await exec
      .insertInto('short_links')
      .values(values.slice(i, i + 200))
      .execute();
  }
  for (const v of values) codes.set(v.item_key, v.code);
  return codes;
}

export async function resolveShortLink(
  exec: Executor,
  code: string,
): Promise<{ orgId: string; period: string; itemKey: string } | null> {
  const row = await exec
    .selectFrom('short_links')
    .select(['org_id', 'period', 'item_key'])
    .where('code', '=', code)
    .executeTakeFirst();
  return row ? { orgId: row.org_id, period: row.period, itemKey: row.item_key } : null;
}
