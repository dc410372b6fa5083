import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import type { DatabaseConfig } from '../src/config.js';
import { round, type BenchResult } from './bench-support.js';
import type { ApiServerInput } from './api-server.js';

/**
 * HTTP latency of the read routes the web app opens with, on the Sanmen plan: GET /api/items
 * (first page, as of 2022-06-30) and GET /api/dashboard, with autocannon at 50 connections, and
 * GET /api/health — no database, no session — as the floor of the same server and machine. The
 * ratio p99(route) / p99(health) says how much of the latency is the route's own work and how
 * much is the HTTP stack and the machine.
 */

export interface ApiBenchOptions {
  engine: 'sqlite' | 'postgres';
  connections: number;
  durationSeconds: number;
  targetP99Ms: number;
  pgAdminUrl: string;
}

const SERVER = fileURLToPath(new URL('./api-server.ts', import.meta.url));
const AS_OF = '2022-06-30';
const ROUTES = [
  { name: 'GET /api/health', path: '/api/health', session: false },
  { name: 'GET /api/items', path: `/api/items?asOf=${AS_OF}`, session: true },
  { name: 'GET /api/dashboard', path: `/api/dashboard?asOf=${AS_OF}`, session: true },
] as const;

interface Measured {
  p50: number;
  p99: number;
  rps: number;
  requests: number;
  non2xx: number;
  errors: number;
}

export async function runApiBench(o: ApiBenchOptions): Promise<BenchResult[]> {
  const label = (route: string) => `${route} ${o.engine} (${o.connections} conn)`;
  const fail = (error: string): BenchResult[] =>
    ROUTES.filter((r) => r.session).map((r) => ({
      name: label(r.name),
      target: `p99 < ${o.targetP99Ms} ms`,
      value: null,
      unit: 'ms',
      met: false,
      details: { error },
    }));
  let cleanup = async () => {};
  try {
    const database = await prepareDatabase(o, (c) => (cleanup = c));
    const server = await startServer({ database, adminPassword: 'bench-Admin-2022' });
    try {
      const cookie = await signIn(server.url, 'bench-Admin-2022');
      const measured = new Map<string, Measured>();
      for (const r of ROUTES) {
        const headers: Record<string, string> = r.session ? { cookie } : {};
        // Warm-up: JIT, the ledger cache, SQLite's page cache.
        await measure(server.url + r.path, headers, o.connections, 2);
        measured.set(r.name, await measure(server.url + r.path, headers, o.connections, o.durationSeconds));
      }
      const floor = measured.get('GET /api/health')!;
      return ROUTES.filter((r) => r.session).map((r) => {
        const m = measured.get(r.name)!;
        return {
          name: label(r.name),
          target: `p99 < ${o.targetP99Ms} ms`,
          value: m.p99,
          unit: 'ms',
          met: m.p99 < o.targetP99Ms && m.non2xx === 0 && m.errors === 0,
          details: {
            engine: o.engine,
            path: r.path,
            connections: o.connections,
            durationSeconds: o.durationSeconds,
            p50Ms: m.p50,
            p99Ms: m.p99,
            requestsPerSecond: m.rps,
            requests: m.requests,
            non2xx: m.non2xx,
            errors: m.errors,
            floorRoute: 'GET /api/health',
            floorP50Ms: floor.p50,
            floorP99Ms: floor.p99,
            floorRequestsPerSecond: floor.rps,
            p99RatioToFloor: round(m.p99 / Math.max(floor.p99, 0.001), 1),
          },
        };
      });
    } finally {
      await server.stop();
    }
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  } finally {
    await cleanup();
  }
}

async function measure(
  url: string,
  headers: Record<string, string>,
  connections: number,
  duration: number,
): Promise<Measured> {
  const r = await autocannon({ url, connections, duration, headers });
  return {
    p50: r.latency.p50,
    p99: r.latency.p99,
    rps: round(r.requests.average, 0),
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

async function signIn(url: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

export async function startServer(
  input: ApiServerInput,
): Promise<{ url: string; publicUrl: string; stop(): Promise<void> }> {
  const child: ChildProcess = fork(SERVER, [JSON.stringify(input)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const { port, publicPort } = await new Promise<{ port: number; publicPort?: number }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { port: number; publicPort?: number }));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`API server exited with code ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    publicUrl: `http://127.0.0.1:${publicPort ?? port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}

export async function prepareDatabase(
  o: Pick<ApiBenchOptions, 'engine' | 'pgAdminUrl'>,
  onCleanup: (fn: () => Promise<void>) => void,
): Promise<DatabaseConfig> {
  if (o.engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'rl-api-bench-'));
    onCleanup(async () => rmSync(dir, { recursive: true, force: true }));
    return { kind: 'sqlite', file: join(dir, 'bench.db') };
  }
  const name = `rl_api_bench_${Date.now()}`;
  await adminQuery(o.pgAdminUrl, `CREATE DATABASE ${name}`);
  onCleanup(() => adminQuery(o.pgAdminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  const url = new URL(o.pgAdminUrl);
  url.pathname = `/${name}`;
  return { kind: 'postgres', url: url.toString(), poolMax: 10 };
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
