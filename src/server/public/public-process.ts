import { fork, type ChildProcess } from 'node:child_process';
import { getPriority, setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../config.js';
import type { Locale } from '../../i18n/index.js';

/**
 * The office's side of the public portal's own process (PUBLIC_PORT, docs/public-portal.md):
 * starts it, passes on publish/withdraw so its pages change at once, restarts it if it dies
 * (with a growing pause, so a portal that cannot start does not spin), and stops it with the
 * office's server.
 *
 * A process rather than a worker thread: its own memory and crash domain, and the same program
 * an office runs by hand (`reform-ledger serve-public`) on another machine.
 */

export type ParentMessage =
  | { type: 'start'; config: Config; locale: Locale }
  | { type: 'invalidate'; orgId: string; seq: number }
  | { type: 'stop' };
export type ChildMessage =
  | { type: 'listening'; url: string; port: number }
  | { type: 'failed'; message: string }
  | { type: 'forgotten'; seq: number };

export interface PublicProcessEvents {
  /** The portal (re)started and listens. */
  listening?: (url: string, pid: number) => void;
  /** It ended without being asked to; it is started again after `restartInMs`. */
  exited?: (code: number | null, signal: string | null, restartInMs: number) => void;
  /** A restart failed; the next try is after `retryInMs`. */
  restartFailed?: (message: string, retryInMs: number) => void;
}

export interface PublicProcess {
  url: string;
  port: number;
  pid(): number | undefined;
  /**
   * Tells the portal an org's publications changed; resolves when it has forgotten them (so the
   * office's next look at its public page is the new one), or after INVALIDATE_WAIT_MS: a portal
   * being restarted reads everything afresh anyway, and a publish must not hang on it.
   */
  invalidate(orgId: string): Promise<void>;
  stop(): Promise<void>;
}

const STOP_GRACE_MS = 10_000;
/**
 * The portal's CPU priority below the office's (nice +10 from the office's): when both want the same
 * core, the office's request goes first and the citizens' page waits a little; alone, the portal
 * has all it can use. Raising one's own children's nice value needs no privilege.
 */
export const PORTAL_NICE = 10;
const FIRST_RESTART_MS = 500;
const INVALIDATE_WAIT_MS = 2_000;
const MAX_RESTART_MS = 30_000;

/** public-main in the same build: .js under dist/, .ts in the sources (run through tsx). */
function entry(): { file: string; execArgv: string[] } {
  const ts = import.meta.url.endsWith('.ts');
  const file = fileURLToPath(new URL(ts ? './public-main.ts' : './public-main.js', import.meta.url));
  return { file, execArgv: ts ? ['--import', 'tsx'] : [] };
}

function launch(config: Config, locale: Locale): Promise<{ child: ChildProcess; url: string; port: number }> {
  const { file, execArgv } = entry();
  const child = fork(file, [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    if (child.pid !== undefined) setPriority(child.pid, Math.min(19, getPriority() + PORTAL_NICE));
  } catch {
    // A platform without priorities (or a sandbox refusing it): the portal runs at the same one.
  }
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`public portal process exited (code ${String(code)}) before listening`));
    child.once('exit', onExit);
    child.once('error', reject);
    child.on('message', function first(m: ChildMessage) {
      child.off('message', first);
      child.off('exit', onExit);
      child.off('error', reject);
      if (m.type === 'listening') resolve({ child, url: m.url, port: m.port });
      else {
        child.kill('SIGKILL');
        reject(new Error(m.type === 'failed' ? m.message : `unexpected ${m.type} before listening`));
      }
    });
    const start: ParentMessage = { type: 'start', config, locale };
    child.send(start);
  });
}

export async function startPublicProcess(
  config: Config,
  on: PublicProcessEvents = {},
  /** The language of the portal's own start-up errors (its pages take theirs from the reader). */
  locale: Locale = 'zh-CN',
): Promise<PublicProcess> {
  // Nothing secret crosses that the portal does not need: never the first admin's password.
  const { adminPassword: _unused, ...rest } = config;
  const first = await launch(rest, locale);
  // A restart keeps the port the OS chose the first time (PUBLIC_PORT=0 in tests).
  const childConfig: Config = { ...rest, publicPort: first.port };
  let child: ChildProcess | null = first.child;
  let stopping = false;
  let pause = FIRST_RESTART_MS;
  let timer: NodeJS.Timeout | null = null;
  on.listening?.(first.url, first.child.pid ?? 0);

  let seq = 0;
  const pending = new Map<number, () => void>();
  const settle = (n: number) => {
    pending.get(n)?.();
    pending.delete(n);
  };
  const watch = (c: ChildProcess) => {
    c.on('message', (m: ChildMessage) => {
      if (m.type === 'forgotten') settle(m.seq);
    });
    c.once('exit', (code, signal) => {
      child = null;
      // Whatever it was asked to forget, a restarted portal never knew.
      for (const n of [...pending.keys()]) settle(n);
      if (stopping) return;
      on.exited?.(code, signal, pause);
      schedule();
    });
  };
  const schedule = () => {
    timer = setTimeout(() => {
      timer = null;
      launch(childConfig, locale).then(
        (next) => {
          if (stopping) {
            next.child.kill('SIGTERM');
            return;
          }
          child = next.child;
          pause = FIRST_RESTART_MS;
          watch(next.child);
          on.listening?.(next.url, next.child.pid ?? 0);
        },
        (e: unknown) => {
          pause = Math.min(pause * 2, MAX_RESTART_MS);
          on.restartFailed?.(e instanceof Error ? e.message : String(e), pause);
          if (!stopping) schedule();
        },
      );
    }, pause);
  };
  watch(first.child);

  return {
    url: first.url,
    port: first.port,
    pid: () => child?.pid,
    invalidate(orgId) {
      const c = child;
      if (!c?.connected) return Promise.resolve();
      const n = ++seq;
      return new Promise<void>((resolve) => {
        const timeout = setTimeout(() => settle(n), INVALIDATE_WAIT_MS);
        pending.set(n, () => {
          clearTimeout(timeout);
          resolve();
        });
        const m: ParentMessage = { type: 'invalidate', orgId, seq: n };
        c.send(m, (e) => {
          if (e) settle(n);
        });
      });
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        const kill = setTimeout(() => c.kill('SIGKILL'), STOP_GRACE_MS);
        c.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        const m: ParentMessage = { type: 'stop' };
        if (c.connected) c.send(m);
        else c.kill('SIGTERM');
      });
    },
  };
}
