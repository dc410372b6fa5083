import { fileURLToPath } from 'node:url';
import { t, type Locale } from '../i18n/index.js';
import { createDatabase, type Db } from '../store/database.js';
import { migrateDatabase } from '../services/migrate-database.service.js';
import { seedFirstStart } from '../services/seed-first-start.service.js';
import { startReminderScheduler } from '../services/reminders/reminder-scheduler.js';
import { ValidationError } from '../domain/errors.js';
import { buildApp } from './app.js';
import { startPublicProcess, type PublicProcess } from './public/public-process.js';
import type { Config } from '../config.js';
import type { ApiApp } from './context.js';

/** The Sanmen plan in this checkout, imported on first start. */
export const SEED_FILE = fileURLToPath(new URL('../../data-seed/sanmen-2022.txt', import.meta.url));

export interface StartOptions {
  config: Config;
  /** Where the first-start lines (and the generated admin password) go. */
  print: (line: string) => void;
  locale: Locale;
  seedFile?: string;
  /** The demo's generated plan and organisation, instead of the bundled plan and 三门县. */
  seed?: { org: string; name: string; bytes: Uint8Array };
  webDir?: string;
  /**
   * Runs once, right after the first start imported the plan (the demo adds its synthetic
   * progress here); returns lines to print.
   */
  afterSeed?: (db: Db) => Promise<string[]>;
  /** The clock of the app and the reminder scheduler (tests fix it); the system clock by default. */
  now?: () => Date;
}

export interface RunningServer {
  app: ApiApp;
  url: string;
  close(): Promise<void>;
}

/** Migrate, seed on first start, listen. `close` stops accepting, drains, and closes the database. */
export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const { config, print, locale } = opts;
  const db = await createDatabase(config);
  try {
    await migrateDatabase(db);
    const seed = await seedFirstStart(db, {
      seedFile: opts.seedFile ?? SEED_FILE,
      ...(opts.seed
        ? { orgName: opts.seed.org, seedDocument: { name: opts.seed.name, bytes: opts.seed.bytes } }
        : {}),
      adminPassword: config.adminPassword,
      now: new Date(),
    });
    if (seed.plan) {
      print(
        t(locale, 'server.seeded', { org: seed.org ?? '', plan: seed.plan.title, items: seed.plan.items }),
      );
    }
    if (seed.admin) {
      const { username, generatedPassword } = seed.admin;
      print(
        generatedPassword === null
          ? t(locale, 'server.admin_from_env', { username })
          : t(locale, 'server.admin_created', { username, password: generatedPassword }),
      );
    }
    if (seed.plan && opts.afterSeed) for (const line of await opts.afterSeed(db)) print(line);
    const now = opts.now ?? (() => new Date());
    // The portal first: the office's redirects to it need the port it really got (PUBLIC_PORT=0).
    const portal = config.publicPort === undefined ? null : await startPortal(config, print, locale);
    let app: ApiApp;
    let url: string;
    try {
      app = await buildApp({
        db,
        config,
        now,
        logger: { level: config.logLevel },
        warmRollups: true,
        ...(opts.webDir ? { webDir: opts.webDir } : {}),
        ...(portal ? { portal } : {}),
      });
      await app.listen({ host: config.host, port: config.port });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      const host = config.host.includes(':') ? `[${config.host}]` : config.host;
      url = `http://${host}:${port}`;
    } catch (e) {
      await portal?.stop();
      throw e;
    }
    print(t(locale, 'server.listening', { url }));
    // Safe with several servers on one database: see services/reminders/ (unique key + claim).
    const reminders = startReminderScheduler({
      db,
      now,
      timeZone: config.timeZone,
      intervalSeconds: config.reminderIntervalSeconds,
      webhookAllowLoopback: config.webhookAllowLoopback,
      onError: (e) => app.log.error({ err: e }, t(locale, 'server.reminders_failed', { detail: String(e) })),
    });
    return {
      app,
      url,
      async close() {
        await portal?.stop();
        await reminders.stop();
        await app.close();
        await db.destroy();
      },
    };
  } catch (e) {
    await db.destroy();
    throw e;
  }
}

/** The public portal's own process (PUBLIC_PORT); its comings and goings are printed like the start. */
async function startPortal(
  config: Config,
  print: (line: string) => void,
  locale: Locale,
): Promise<PublicProcess> {
  try {
    return await startPublicProcess(
      config,
      {
        listening: (url, pid) => print(t(locale, 'server.public_listening', { url, pid })),
        exited: (code, signal, ms) =>
          print(t(locale, 'server.public_exited', { code: String(code ?? signal), ms })),
        restartFailed: (detail, ms) => print(t(locale, 'server.public_restart_failed', { detail, ms })),
      },
      locale,
    );
  } catch (e) {
    throw new ValidationError('error.public_start_failed', {
      detail: e instanceof Error ? e.message : String(e),
    });
  }
}
