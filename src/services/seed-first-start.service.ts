import { randomInt, randomUUID } from 'node:crypto';
import { ValidationError } from '../domain/errors.js';
import type { Db } from '../store/database.js';
import { getOrCreateOrg } from '../store/orgs.repository.js';
import { listPlans } from '../store/plans.repository.js';
import { countUsers, insertUser } from '../store/users.repository.js';
import { isUniqueViolation } from '../store/db-errors.js';
import { passwordSchema } from '../shared/api/session.js';
import { t, DEFAULT_LOCALE } from '../i18n/index.js';
import { importPlan } from './import-plan.service.js';
import { parseDocumentBytes, parseDocumentFile } from './parse-document.service.js';
import { hashPassword } from './password-hash.js';
import { checkPassword } from './password-policy.js';

/**
 * First start of the server on a database without users: the organisation (三门县), the bundled
 * plan when the org has none yet (a database that the CLI already imported into keeps its plan),
 * and the admin account. Does nothing once any user exists, so every later start is a no-op.
 */

export const SEED_ORG = '三门县';
export const ADMIN_USERNAME = 'admin';

export interface SeedInput {
  seedFile: string;
  /** A generated document to import instead of the file (the demo's), and the org to create. */
  seedDocument?: { name: string; bytes: Uint8Array };
  orgName?: string;
  /** ADMIN_PASSWORD; a random one is generated (and returned, to print once) when absent. */
  adminPassword?: string | undefined;
  now: Date;
}

export interface SeedOutcome {
  seeded: boolean;
  org?: string;
  plan?: { title: string; items: number };
  admin?: { username: string; generatedPassword: string | null };
}

export async function seedFirstStart(db: Db, input: SeedInput): Promise<SeedOutcome> {
  if ((await countUsers(db.kysely)) > 0) return { seeded: false };
  if (input.adminPassword !== undefined && !passwordSchema.safeParse(input.adminPassword).success) {
    throw new ValidationError('error.admin_password_policy', {}, { field: 'ADMIN_PASSWORD' });
  }
  if (input.adminPassword !== undefined)
    await checkPassword(input.adminPassword, ADMIN_USERNAME, 'ADMIN_PASSWORD');
  const at = input.now.toISOString();
  const { org } = await db.kysely
    .transaction()
    .execute((trx) => getOrCreateOrg(trx, input.orgName ?? SEED_ORG, { actor: 'system', at }));
  const outcome: SeedOutcome = { seeded: true, org: org.name };

  if ((await listPlans(db.kysely, org.id)).length === 0) {
    const { plan, file } = input.seedDocument
      ? await parseDocumentBytes(input.seedDocument.bytes, input.seedDocument.name)
      : await parseDocumentFile(input.seedFile);
    await importPlan(db, { plan, org: org.name, file, actor: 'system', now: input.now });
    outcome.plan = { title: plan.title, items: plan.items.length };
  }

  const password = input.adminPassword ?? generatePassword();
  const passwordHash = await hashPassword(password);
  try {
    await db.kysely.transaction().execute((trx) =>
      insertUser(
        trx,
        { orgId: org.id, actor: 'system', at },
        {
          id: randomUUID(),
          username: ADMIN_USERNAME,
          displayName: t(DEFAULT_LOCALE, 'server.admin_display_name'),
          role: 'admin',
          unitId: null,
          passwordHash,
          disabled: false,
        },
      ),
    );
  } catch (e) {
    // Another server starting on the same database created it first: that one prints the password.
    if (isUniqueViolation(e)) return { seeded: false };
    throw e;
  }
  outcome.admin = { username: ADMIN_USERNAME, generatedPassword: input.adminPassword ? null : password };
  return outcome;
}

/** 20 characters from an alphabet without look-alikes (0/O, 1/l/I), with letters and digits. */
export function generatePassword(): string {
  const letters = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
  const digits = '23456789';
  const all = letters + digits;
  for (;;) {
    const pw = Array.from({ length: 20 }, () => all[randomInt(all.length)]).join('');
    if (passwordSchema.safeParse(pw).success) return pw;
  }
}
