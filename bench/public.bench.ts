import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { round, type BenchResult } from './bench-support.js';
import { prepareDatabase, startServer } from './api.bench.js';

/**
 * The public portal (政务公开, issue 5) under load, on the Sanmen plan with two periods published
 * (one with its scoreboard):
 *
 * 1. Throughput: autocannon cycling through the county's public pages (index, a period, a status
 *    filter, every item page, the scoreboard, the feed) — target ≥ 2,000 req/s with p99 < 50 ms.
 * 2. Isolation: the office's own API (GET /api/items, GET /api/dashboard, signed in) measured
 *    while quiet and again while a burst of 10,000 public requests runs — the public side is
 *    cached and limited on its own, so the office's p99 should stay within its 50 ms budget.
 *
 * Both ways of running the portal: served by the office's server (one port, the default), and
 * in a process of its own (PUBLIC_PORT) — the arrangement for a portal that faces the public.
 *
 * The load average before and after goes with the figures: the machine is shared.
 */

export interface PublicBenchOptions {
  engine: 'sqlite' | 'postgres';
  connections: number;
  durationSeconds: number;
  burstRequests: number;
  targetRps: number;
  targetP99Ms: number;
  pgAdminUrl: string;
  /** The portal in a process of its own (PUBLIC_PORT), or served by the office's server. */
  ownProcess: boolean;
}

const PASSWORD = 'bench-Admin-2022';
const OFFICE_CONNECTIONS = 10;
const OFFICE_ROUTES = ['/api/items?asOf=2022-06-30', '/api/dashboard?asOf=2022-06-30'];

interface Measured {
  p50: number;
  p99: number;
  rps: number;
  requests: number;
  non2xx: number;
  errors: number;
}

function measured(r: autocannon.Result): Measured {
  return {
    p50: r.latency.p50,
    p99: r.latency.p99,
    rps: round(r.requests.average, 0),
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

export async function runPublicBench(o: PublicBenchOptions): Promise<BenchResult[]> {
  const mode = o.ownProcess ? ', portal in its own process' : '';
  const names = {
    pages: `GET /public pages ${o.engine} (${o.connections} conn)${mode}`,
    burst: `office API p99 during a ${o.burstRequests}-request public burst ${o.engine}${mode}`,
  };
  let cleanup = async () => {};
  const loadBefore = loadavg().map((l) => round(l, 2));
  try {
    const database = await prepareDatabase(o, (c) => (cleanup = c));
    // Every bench request comes from one address: the per-client limit is lifted for the
    // throughput figure, and its effect is measured separately below.
    const server = await startServer({
      database,
      adminPassword: PASSWORD,
      env: { PUBLIC_RATE_PER_MINUTE: '10000000' },
      publicProcess: o.ownProcess,
    });
    const site = server.publicUrl;
    try {
      const office = await signIn(server.url);
      const publicPath = await publish(server.url, office);
      const paths = await publicPaths(site, publicPath);
      const requests = paths.map((path) => ({ method: 'GET' as const, path }));

      // Warm-up: JIT, each page rendered once into the cache.
      await autocannon({ url: site, connections: o.connections, duration: 2, requests });
      const pages = measured(
        await autocannon({
          url: site,
          connections: o.connections,
          duration: o.durationSeconds,
          requests,
        }),
      );

      const officeHeaders = { cookie: office.cookie };
      const quiet: Record<string, Measured> = {};
      for (const path of OFFICE_ROUTES) {
        await autocannon({
          url: server.url + path,
          connections: OFFICE_CONNECTIONS,
          duration: 1,
          headers: officeHeaders,
        });
        quiet[path] = measured(
          await autocannon({
            url: server.url + path,
            connections: OFFICE_CONNECTIONS,
            duration: 3,
            headers: officeHeaders,
          }),
        );
      }

      const during: Record<string, Measured> = {};
      let burst: Measured | null = null;
      for (const path of OFFICE_ROUTES) {
        const r = await underBurst(server.url, site, path, officeHeaders, requests, o.burstRequests);
        during[path] = r.office;
        burst = r.burst;
      }
      const loadAfter = loadavg().map((l) => round(l, 2));
      const worstDuring = Math.max(...Object.values(during).map((m) => m.p99));
      return [
        {
          name: names.pages,
          target: `≥ ${o.targetRps} req/s, p99 < ${o.targetP99Ms} ms`,
          value: pages.rps,
          unit: 'req/s',
          met:
            pages.rps >= o.targetRps && pages.p99 < o.targetP99Ms && pages.non2xx === 0 && pages.errors === 0,
          details: {
            engine: o.engine,
            ownProcess: o.ownProcess,
            pages: paths.length,
            connections: o.connections,
            durationSeconds: o.durationSeconds,
            requestsPerSecond: pages.rps,
            p50Ms: pages.p50,
            p99Ms: pages.p99,
            requests: pages.requests,
            non2xx: pages.non2xx,
            errors: pages.errors,
            loadBefore,
            loadAfter,
          },
        },
        {
          name: names.burst,
          target: `p99 < ${o.targetP99Ms} ms during the burst`,
          value: worstDuring,
          unit: 'ms',
          met: worstDuring < o.targetP99Ms && Object.values(during).every((m) => m.non2xx === 0),
          details: {
            engine: o.engine,
            ownProcess: o.ownProcess,
            burstRequests: o.burstRequests,
            burst,
            officeConnections: OFFICE_CONNECTIONS,
            quietP99Ms: Object.fromEntries(Object.entries(quiet).map(([k, m]) => [k, m.p99])),
            burstP99Ms: Object.fromEntries(Object.entries(during).map(([k, m]) => [k, m.p99])),
            quiet,
            during,
            loadBefore,
            loadAfter,
          },
        },
      ];
    } finally {
      await server.stop();
    }
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    return [
      {
        name: names.pages,
        target: `≥ ${o.targetRps} req/s`,
        value: null,
        unit: 'req/s',
        met: false,
        details: { error },
      },
      {
        name: names.burst,
        target: `p99 < ${o.targetP99Ms} ms`,
        value: null,
        unit: 'ms',
        met: false,
        details: { error },
      },
    ];
  } finally {
    await cleanup();
  }
}

/** The office's route measured for exactly as long as a burst of public requests lasts. */
async function underBurst(
  url: string,
  site: string,
  officePath: string,
  headers: Record<string, string>,
  requests: { method: 'GET'; path: string }[],
  amount: number,
): Promise<{ office: Measured; burst: Measured }> {
  let officeResult: autocannon.Result | null = null;
  let stopOffice = () => {};
  const officeDone = new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      { url: url + officePath, connections: OFFICE_CONNECTIONS, duration: 120, headers },
      (err: unknown, result: autocannon.Result) => {
        if (err) reject(err instanceof Error ? err : new Error(String(err)));
        officeResult = result;
        resolve();
      },
    );
    stopOffice = () => instance.stop();
  });
  // The crowd is sent from a thread of its own: its 100 connections must not queue the office's
  // measuring client on this thread's event loop (on a real network they are other machines).
  const burst = await autocannon({ url: site, connections: 100, amount, requests, workers: 1 });
  stopOffice();
  await officeDone;
  return { office: measured(officeResult!), burst: measured(burst) };
}

async function signIn(url: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: csrfToken };
}

async function publish(url: string, s: { cookie: string; csrf: string }): Promise<string> {
  for (const [period, includeScoreboard] of [
    ['2022-05', false],
    ['2022-06', true],
  ] as const) {
    const res = await fetch(`${url}/api/publications/${period}/publish`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
      body: JSON.stringify({ includeScoreboard }),
    });
    if (res.status !== 200) throw new Error(`publish ${period}: ${res.status} ${await res.text()}`);
  }
  const list = await fetch(`${url}/api/publications`, { headers: { cookie: s.cookie } });
  return ((await list.json()) as { publicPath: string }).publicPath;
}

/** The county's public pages, read from the period page's own links. */
async function publicPaths(url: string, home: string): Promise<string[]> {
  const period = `${home}periods/2022-06/`;
  const html = await (await fetch(url + period)).text();
  const items = [...html.matchAll(/href="([^"]+\/items\/[^"]+)"/g)].map((m) => m[1]!);
  if (items.length === 0) throw new Error(`no item links on ${period}`);
  return [home, period, `${period}?status=red`, `${period}scoreboard`, `${home}feed.atom`, ...items];
}
