import { Command, Option } from 'commander';
import { t } from '../../i18n/index.js';
import { loadConfig } from '../../config.js';
import { ORG_TYPES } from '../../shared/api/orgs.js';
import type { OrgType } from '../../domain/org-tree.js';
import { createDatabase, type Db } from '../../store/database.js';
import { migrateDatabase } from '../../services/migrate-database.service.js';
import { allOrgsInTreeOrder, createOrgByName } from '../../services/manage-orgs.service.js';
import { orgNameSchema } from '../../shared/api/orgs.js';
import { ValidationError } from '../../domain/errors.js';
import { displayWidth } from '../../writers/xlsx-layout.js';
import { EXIT, println, type CliContext, type Runner } from '../io.js';

/**
 * `reform-ledger org create NAME --type county --parent 台州市` and `org list` (issue 9): the org
 * tree from the command line, over the same service and rules as the API (types allowed below
 * each type, unique names, every creation audited).
 */
export function orgCommand(ctx: CliContext, run: Runner): Command {
  const org = new Command('org').description(t(ctx.locale, 'cli.org.description'));

  org
    .command('create')
    .description(t(ctx.locale, 'cli.org.create.description'))
    .argument('<name>', t(ctx.locale, 'cli.org.arg.name'))
    .addOption(
      new Option('--type <type>', t(ctx.locale, 'cli.opt.orgType')).choices([...ORG_TYPES]).default('county'),
    )
    .option('--parent <name>', t(ctx.locale, 'cli.opt.orgParent'))
    .action(
      run(async (name: string, opts: { type: OrgType; parent?: string }) => {
        const parsed = orgNameSchema.safeParse(name);
        if (!parsed.success) throw new ValidationError('validation.org_name', {}, { field: 'name' });
        return withDb(ctx, async (db) => {
          const { org: made, outcome } = await createOrgByName(db, {
            name: parsed.data,
            type: opts.type,
            parent: opts.parent,
            actor: 'cli',
            at: new Date().toISOString(),
          });
          println(
            ctx.stdout,
            t(ctx.locale, `cli.org.${outcome}`, {
              name: made.name,
              type: t(ctx.locale, `org.type.${made.type}`),
              parent: opts.parent ?? '—',
              id: made.id,
            }),
          );
          return EXIT.ok;
        });
      }),
    );

  org
    .command('list')
    .description(t(ctx.locale, 'cli.org.list.description'))
    .option('--json', t(ctx.locale, 'cli.opt.orgJson'))
    .action(
      run(async (opts: { json?: boolean }) =>
        withDb(ctx, async (db) => {
          const rows = await allOrgsInTreeOrder(db);
          if (opts.json) {
            const json = rows.map((r) => ({ ...r.org, depth: r.depth, hasPlan: r.hasPlan, users: r.users }));
            ctx.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
            return EXIT.ok;
          }
          if (rows.length === 0) {
            println(ctx.stdout, t(ctx.locale, 'cli.org.list.empty'));
            return EXIT.ok;
          }
          const table = [
            t(ctx.locale, 'cli.org.list.columns').split('|'),
            ...rows.map((r) => [
              `${'  '.repeat(r.depth)}${r.depth > 0 ? '└ ' : ''}${r.org.name}`,
              t(ctx.locale, `org.type.${r.org.type}`),
              r.hasPlan ? t(ctx.locale, 'cli.org.list.yes') : '—',
              String(r.users),
              r.org.id,
            ]),
          ];
          for (const line of alignColumns(table)) println(ctx.stdout, line);
          return EXIT.ok;
        }),
      ),
    );
  return org;
}

export async function withDb(ctx: CliContext, fn: (db: Db) => Promise<number>): Promise<number> {
  const db = await createDatabase(loadConfig(ctx.env));
  try {
    await migrateDatabase(db);
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

/** Columns padded to their widest cell, CJK counted as two columns. */
export function alignColumns(rows: readonly string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c] ?? ''))));
  return rows.map((r) =>
    r
      .map((cell, c) => cell + ' '.repeat(widths[c]! - displayWidth(cell)))
      .join('  ')
      .trimEnd(),
  );
}
