import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_PAUSE_ENV, TEST_PAUSE_LINE, type TestPausePoint } from '../../src/services/test-pause-point.js';

/**
 * The real server as a child process — `node bin/reform-ledger.js serve`, the installed command
 * running the build in dist/ — so that a test can kill it with SIGKILL as a power cut or the OOM
 * killer would, and start it again on the same data.
 */

export const ROOT = process.cwd();
const BIN = join(ROOT, 'bin', 'reform-ledger.js');
export const ADMIN_PASSWORD = 'fault-Admin-2022';

export interface ChildServer {
  url: string;
  pid: number;
  output(): string;
  /** Resolves when stderr has a line matching `re` (rejects if the process ends first). */
  waitForLine(re: RegExp, timeoutMs?: number): Promise<void>;
  /** SIGKILL, then waits until the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM: the server drains and closes the database. */
  stop(): Promise<void>;
}

export interface ChildOptions {
  dataDir: string;
  /** postgres://… ; unset: SQLite under dataDir. */
  databaseUrl?: string;
  pauseAt?: TestPausePoint;
  env?: Record<string, string>;
}

export async function startChildServer(opts: ChildOptions): Promise<ChildServer> {
  if (!existsSync(join(ROOT, 'dist', 'services', 'test-pause-point.js'))) {
    throw new Error('dist/ is missing or stale: run `npm run build` (npm test does) before the fault tests');
  }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    DATA_DIR: opts.dataDir,
    HOST: '127.0.0.1',
    PORT: '0',
    ADMIN_PASSWORD,
    LOG_LEVEL: 'warn',
    REMINDER_INTERVAL_SECONDS: '0',
    REFORM_LEDGER_LANG: 'en-US',
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl, DB_POOL_MAX: '4' } : {}),
    ...(opts.pauseAt ? { [TEST_PAUSE_ENV]: opts.pauseAt } : {}),
    ...opts.env,
  };
  const child = spawn(process.execPath, [BIN, 'serve'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (const l of listeners) l();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => {
    gone = true;
    for (const l of listeners) l();
  });

  const waitFor = (re: RegExp, timeoutMs = 60_000) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setTimeout(
        () => done(new Error(`no line ${re} within ${timeoutMs} ms:\n${text}`)),
        timeoutMs,
      );
      const check = () => {
        const m = re.exec(text);
        if (m) done(null, m);
        else if (gone) done(new Error(`the server exited before printing ${re}:\n${text}`));
      };
      const done = (e: Error | null, m?: RegExpExecArray) => {
        clearTimeout(timer);
        listeners.delete(check);
        if (e) reject(e);
        else resolve(m!);
      };
      listeners.add(check);
      check();
    });

  let url: string;
  try {
    url = (await waitFor(/(http:\/\/127\.0\.0\.1:\d+)/))[1]!;
  } catch (e) {
    killNow(child);
    throw e;
  }
  return {
    url,
    pid: child.pid!,
    output: () => text,
    waitForLine: async (re, timeoutMs) => {
      await waitFor(re, timeoutMs);
    },
    async kill() {
      killNow(child);
      await exited;
    },
    async stop() {
      if (!gone) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The line the server prints when it stops at a test pause point. */
export function pauseLine(point: TestPausePoint): RegExp {
  return new RegExp(`${TEST_PAUSE_LINE} ${point.replace('.', '\\.')}`);
}

function killNow(child: ChildProcess): void {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
