import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { t } from '../../i18n/index.js';
import { loadConfig } from '../../config.js';
import { SEED_FILE, startServer } from '../../server/start.js';
import { DEMO_ORG, demoPlanText } from '../../services/demo-plan.js';
import { seedDemoProgress } from '../../services/seed-demo-progress.service.js';
import { generatePassword } from '../../services/seed-first-start.service.js';
import { localDate } from '../../services/local-date.js';
import { findOrgByName } from '../../store/orgs.repository.js';
import { readTextTable } from '../../readers/text-table.reader.js';
import { normalizeDocument } from '../../domain/normalize.js';
import { EXIT, println, type CliContext, type Runner } from '../io.js';
import { waitForStop } from '../wait-for-stop.js';

/**
 * `reform-ledger demo`: the app on a database of its own (DEMO_DATA_DIR, default DATA_DIR/demo,
 * port 3001) with the bundled plan moved so that today falls in its middle, labelled 演示数据.
 * It never opens the real database: DATABASE_URL is ignored on purpose.
 */
export function demoCommand(ctx: CliContext, run: Runner): Command {
  return new Command('demo').description(t(ctx.locale, 'cli.demo.description')).action(
    run(async () => {
      const base = loadConfig(ctx.env);
      const config = loadConfig({
        ...ctx.env,
        DATABASE_URL: undefined,
        DATA_DIR: ctx.env.DEMO_DATA_DIR ?? join(base.dataDir, 'demo'),
        PORT: ctx.env.DEMO_PORT ?? '3001',
      });
      const seed = readFileSync(SEED_FILE, 'utf8');
      const year = normalizeDocument(readTextTable(seed, SEED_FILE)).year ?? new Date().getFullYear();
      const text = demoPlanText(seed, year, new Date());
      println(ctx.stdout, t(ctx.locale, 'cli.demo.banner', { dir: config.dataDir }));
      const server = await startServer({
        config,
        print: (line) => println(ctx.stdout, line),
        locale: ctx.locale,
        seed: { org: DEMO_ORG, name: 'demo.txt', bytes: new TextEncoder().encode(text) },
        afterSeed: async (db) => {
          const org = await findOrgByName(db.kysely, DEMO_ORG);
          if (!org) return [];
          const outcome = await seedDemoProgress(db, {
            orgId: org.id,
            today: localDate(new Date(), config.timeZone),
            timeZone: config.timeZone,
            password: ctx.env.DEMO_PASSWORD ?? generatePassword(),
          });
          return [
            t(ctx.locale, 'cli.demo.progress', { reports: outcome.reports }),
            t(ctx.locale, 'cli.demo.accounts', {
              first: outcome.usernames[0] ?? '',
              last: outcome.usernames.at(-2) ?? '',
              leader: outcome.usernames.at(-1) ?? '',
              password: outcome.password,
            }),
          ];
        },
      });
      await waitForStop();
      await server.close();
      return EXIT.ok;
    }),
  );
}
