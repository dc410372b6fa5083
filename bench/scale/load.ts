import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { round, summarize } from '../bench-support.js';

/**
 * HTTP load for the scale benchmark: autocannon with one session cookie per request taken in
 * turn from a list (one county, or every county), single timed requests for cold paths, and a
 * background writer that keeps changing counties while a roll-up is read.
 */

export interface Measured {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  requestsPerSecond: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** The machine's 1-minute load average when the run ended (2 cores, shared). */
  loadAvg: number;
}

export async function hammer(
  url: string,
  cookies: readonly string[],
  connections: number,
  durationSeconds: number,
): Promise<Measured> {
  let next = 0;
  const r = await autocannon({
    url,
    connections,
    duration: durationSeconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => ({
          ...req,
          headers: { ...req.headers, cookie: cookies[next++ % cookies.length]! },
        }),
      },
    ],
  });
  return {
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    requestsPerSecond: round(r.requests.average, 0),
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    loadAvg: round(loadavg()[0]!, 2),
  };
}

/** One request, timed; throws on a status other than 200. */
export async function timedGet(url: string, cookie: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  await res.arrayBuffer();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
  return round(ms, 1);
}

export interface Writer {
  url: string;
  cookie: string;
  csrf: string;
}

/** PATCH /api/org as an org's admin, toggling its warning window: a write that bumps its revision. */
export async function touchOrg(w: Writer, k: number): Promise<void> {
  const res = await fetch(`${w.url}/api/org`, {
    method: 'PATCH',
    headers: { cookie: w.cookie, 'x-csrf-token': w.csrf, 'content-type': 'application/json' },
    body: JSON.stringify({ warningDays: 30 + (k % 2) }),
  });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`PATCH /api/org: ${res.status}`);
}

/** Writes every `everyMs` from the writers in turn until stopped; returns how many were made. */
export function writeInBackground(writers: readonly Writer[], everyMs: number): { stop(): Promise<number> } {
  let stopped = false;
  let count = 0;
  const loop = (async () => {
    while (!stopped) {
      await touchOrg(writers[count % writers.length]!, count);
      count++;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return count;
    },
  };
}

export function distribution(samples: number[]): { medianMs: number; p95Ms: number; maxMs: number } {
  const s = summarize(samples);
  return { medianMs: round(s.median, 1), p95Ms: round(s.p95, 1), maxMs: round(s.max, 1) };
}
