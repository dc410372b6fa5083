/**
 * One soak on one engine: the real server in a child process (bench/soak-server.ts) on a fresh
 * database, the cast signed in (reporters of the units that lead the most items, leaders, the
 * office), mixed traffic until the time is up (bench/soak-traffic.ts) while the server's memory
 * is sampled — RSS from /proc/<pid>/status, heap over IPC, every few samples after a full GC —
 * then the database checked against every acknowledged write (bench/soak-check.ts).
 */
import { api, monthsBack, signIn } from './bench-http.js';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DialectName } from '../src/store/database.js';
import { percentile, round, type BenchResult } from './bench-support.js';
import { prepareDatabase } from './api.bench.js';
import { checkCounts, countsHold, type SoakCounts } from './soak-check.js';
import type { MemoryReply, SoakServerInput } from './soak-server.js';
import {
  LIVE_HEAP_SLOPE_MB_PER_MIN,
  memoryVerdict,
  Recorder,
  RSS_SLOPE_MB_PER_MIN,
  type MemorySample,
  type MemoryVerdict,
  type RouteStats,
} from './soak-stats.js';
import { runTraffic, type Ack, type Cast, type Session, type Slot } from './soak-traffic.js';

export interface SoakOptions {
  engine: DialectName;
  minutes: number;
  reporters: number;
  leaders: number;
  thinkMs: number;
  exportEveryMs: number;
  sampleEverySec: number;
  /** Take a full-GC heap sample every this many samples. */
  gcEvery: number;
  pgAdminUrl: string;
  log: (line: string) => void;
}

export interface SoakResult {
  engine: DialectName;
  minutes: number;
  requests: number;
  requestsPerSecond: number;
  errors: number;
  /** Lost races on a report's save or submit, re-read and retried: not errors (soak-stats.ts). */
  conflicts: number;
  firstErrors: string[];
  p50Ms: number;
  p99Ms: number;
  routes: RouteStats[];
  memory: MemoryVerdict;
  samples: MemorySample[];
  counts: SoakCounts | null;
  ok: boolean;
  /** Set when the soak could not run at all. */
  failure?: string;
}

const SERVER = fileURLToPath(new URL('./soak-server.ts', import.meta.url));
const ADMIN_PASSWORD = 'soak-Admin-2022';
const PASSWORD = 'soak-People-2022';
const MB = 1024 * 1024;

export async function runSoak(o: SoakOptions): Promise<SoakResult> {
  const cleanups: (() => Promise<void>)[] = [];
  const rec = new Recorder();
  const acks = new Map<string, Ack>();
  const samples: MemorySample[] = [];
  const durationSec = o.minutes * 60;
  try {
    const database = await prepareDatabase(o, (fn) => void cleanups.push(fn));
    const dataDir = mkdtempSync(join(tmpdir(), 'rl-soak-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const server = await startServer({ database, adminPassword: ADMIN_PASSWORD, dataDir });
    cleanups.unshift(() => server.stop());
    o.log(`  server pid ${server.pid} at ${server.url}; signing in the cast…`);
    const cast = await assemble(server.url, o);
    o.log(
      `  ${cast.reporters.length} reporters, ${cast.leaders.length} leaders, the office; ${o.minutes} min of traffic…`,
    );

    const started = Date.now();
    let sampling = true;
    const sampler = (async () => {
      for (let i = 0; sampling; i++) {
        const gc = i % o.gcEvery === 0;
        const reply = await server.memory(gc);
        samples.push({
          atSec: round((Date.now() - started) / 1000, 1),
          rssMB: round(procRss(server.pid) / MB, 1),
          heapUsedMB: round(reply.heapUsed / MB, 1),
          liveHeapMB: gc ? round(reply.heapUsed / MB, 1) : null,
        });
        if (i % Math.max(1, Math.round(60 / o.sampleEverySec)) === 0) {
          const s = samples[samples.length - 1]!;
          o.log(
            `    ${Math.round(s.atSec)} s: ${rec.requests} requests, ${rec.errors} errors, ${rec.conflicts} conflicts, RSS ${s.rssMB} MB`,
          );
        }
        await sleepUntil(started + (i + 1) * o.sampleEverySec * 1000, () => !sampling);
      }
    })();
    await runTraffic(
      cast,
      {
        url: server.url,
        deadline: started + durationSec * 1000,
        thinkMs: o.thinkMs,
        exportEveryMs: o.exportEveryMs,
      },
      rec,
      acks,
    );
    sampling = false;
    await sampler;
    const last = await server.memory(true);
    samples.push({
      atSec: round((Date.now() - started) / 1000, 1),
      rssMB: round(procRss(server.pid) / MB, 1),
      heapUsedMB: round(last.heapUsed / MB, 1),
      liveHeapMB: round(last.heapUsed / MB, 1),
    });
    const elapsedSec = (Date.now() - started) / 1000;
    await server.stop();
    cleanups.shift();

    o.log(`  checking the database against ${acks.size} acknowledged reports…`);
    const counts = await checkCounts(database, acks);
    const memory = memoryVerdict(samples, elapsedSec);
    const all = rec.all();
    return {
      engine: o.engine,
      minutes: o.minutes,
      requests: rec.requests,
      requestsPerSecond: round(rec.requests / elapsedSec, 1),
      errors: rec.errors,
      conflicts: rec.conflicts,
      firstErrors: rec.firstErrors,
      p50Ms: round(percentile(all, 50), 1),
      p99Ms: round(percentile(all, 99), 1),
      routes: rec.routes(),
      memory,
      samples,
      counts,
      ok: rec.errors === 0 && countsHold(counts) && memory.flat,
    };
  } catch (e) {
    return {
      engine: o.engine,
      minutes: o.minutes,
      requests: rec.requests,
      requestsPerSecond: 0,
      errors: rec.errors,
      conflicts: rec.conflicts,
      firstErrors: rec.firstErrors,
      p50Ms: NaN,
      p99Ms: NaN,
      routes: rec.routes(),
      memory: memoryVerdict(samples, durationSec),
      samples,
      counts: null,
      ok: false,
      failure: e instanceof Error ? e.message : String(e),
    };
  } finally {
    for (const fn of cleanups) await fn().catch(() => {});
  }
}

/** One line of bench/results.json per engine. */
export function soakBenchResult(r: SoakResult): BenchResult {
  return {
    name: `soak ${r.minutes} min, mixed traffic (${r.engine})`,
    target: `0 errors, 0 lost; heap ≤ ${LIVE_HEAP_SLOPE_MB_PER_MIN}, RSS ≤ ${RSS_SLOPE_MB_PER_MIN} MB/min`,
    value: Number.isFinite(r.p99Ms) ? r.p99Ms : null,
    unit: 'ms p99',
    met: r.ok,
    details: {
      soak: true,
      engine: r.engine,
      minutes: r.minutes,
      requests: r.requests,
      requestsPerSecond: r.requestsPerSecond,
      errors: r.errors,
      conflicts: r.conflicts,
      firstErrors: r.firstErrors.slice(0, 5),
      p50Ms: r.p50Ms,
      soakP99Ms: r.p99Ms,
      routes: r.routes,
      memory: r.memory,
      counts: r.counts,
      ...(r.failure ? { error: r.failure } : {}),
    },
  };
}

/** Reporters of the units leading the most items (one each), leaders, the office; all signed in. */
async function assemble(url: string, o: SoakOptions): Promise<Cast> {
  const admin = await signIn(url, 'admin', ADMIN_PASSWORD);
  const list = await api<{
    items: { itemKey: string; number: number | null; leadUnit: { id: string } | null }[];
  }>(url, admin, 'GET', '/api/items?pageSize=200');
  const byUnit = new Map<string, Slot[]>();
  for (const it of list.items) {
    if (!it.leadUnit || it.number === null) continue;
    const d = await api<{ milestones: unknown[]; targets: unknown[]; achievements: unknown[] }>(
      url,
      admin,
      'GET',
      `/api/items/${it.number}`,
    );
    const shape = {
      milestones: d.milestones.length,
      targets: d.targets.length,
      achievements: d.achievements.length,
    };
    byUnit.set(it.leadUnit.id, [
      ...(byUnit.get(it.leadUnit.id) ?? []),
      { itemKey: it.itemKey, period: '', shape },
    ]);
  }
  const units = [...byUnit.entries()].sort((a, b) => b[1].length - a[1].length).slice(0, o.reporters);
  // Enough report slots (item × period) for the whole run even at the briskest pace: past months,
  // each reporter's own, so no two people ever write the same report.
  const perReporter = Math.ceil((o.minutes * 60_000) / (o.thinkMs * 1.5)) + 10;
  const reporters: Cast['reporters'] = [];
  for (const [i, [unitId, items]] of units.entries()) {
    const username = `soak-r${String(i + 1).padStart(2, '0')}`;
    await api(url, admin, 'POST', '/api/users', {
      username,
      displayName: username,
      role: 'reporter',
      unitId,
      password: PASSWORD,
    });
    const periods = monthsBack(Math.ceil(perReporter / items.length));
    const slots = periods.flatMap((period) => items.map((s) => ({ ...s, period })));
    reporters.push({ session: await signIn(url, username, PASSWORD), slots });
  }
  const leaders: Session[] = [];
  for (let i = 0; i < o.leaders; i++) {
    const username = `soak-l${String(i + 1).padStart(2, '0')}`;
    await api(url, admin, 'POST', '/api/users', {
      username,
      displayName: username,
      role: 'viewer',
      password: PASSWORD,
    });
    leaders.push(await signIn(url, username, PASSWORD));
  }
  return {
    reporters,
    leaders,
    reviewer: admin,
    exporter: await signIn(url, 'admin', ADMIN_PASSWORD),
    itemNumbers: list.items.flatMap((i) => (i.number === null ? [] : [i.number])),
  };
}

interface SoakServer {
  url: string;
  pid: number;
  memory(gc: boolean): Promise<MemoryReply>;
  stop(): Promise<void>;
}

async function startServer(input: SoakServerInput): Promise<SoakServer> {
  const child: ChildProcess = fork(SERVER, [JSON.stringify(input)], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`soak server exited with code ${code}`)));
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    memory: (gc) =>
      new Promise<MemoryReply>((resolve, reject) => {
        if (exited) return reject(new Error('soak server is gone'));
        child.once('message', (m) => resolve(m as MemoryReply));
        child.send({ memory: true, gc });
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}

/** Resident memory of a process, from the kernel (works while its event loop is busy). */
function procRss(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

async function sleepUntil(at: number, stop: () => boolean): Promise<void> {
  while (Date.now() < at && !stop()) await new Promise((r) => setTimeout(r, Math.min(250, at - Date.now())));
}
