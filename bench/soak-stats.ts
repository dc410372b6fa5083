/**
 * The soak's figures, pure: latencies per route (p50/p95/p99/max, errors, lost races), memory
 * samples and the slope of a least-squares line through the second half of them, and the verdict
 * against the documented thresholds (docs/reliability.md § Soak).
 */
import { percentile, round } from './bench-support.js';

/**
 * Memory is "flat" when, over the second half of the run (the first half is warm-up: JIT, caches,
 * SQLite's page cache, connection pools), the live heap (after a full GC) grows by less than this
 * many MB a minute. A leak of one report's worth of objects per request would show as several MB
 * a minute at the soak's rate; the data the run itself adds (a few thousand reports, kept in the
 * database, not in memory) must not.
 */
export const LIVE_HEAP_SLOPE_MB_PER_MIN = 1;
/**
 * RSS also includes what the allocator keeps after a GC and native memory (SQLite's cache,
 * sockets, the buffers of an export); it settles more slowly and jumps with every export, so its
 * bound is looser and only judged when the second half lasts long enough to average the jumps
 * out — but then a steady climb fails.
 */
export const RSS_SLOPE_MB_PER_MIN = 4;
/** RSS is judged only when the second half of the run is at least this long (a 10-minute run). */
export const RSS_JUDGED_AFTER_SEC = 300;

export interface RouteStats {
  route: string;
  count: number;
  errors: number;
  /** Lost races: a 409 on a write whose revision someone else moved (see Recorder.answer). */
  conflicts: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * Whether a request can lose a race: `first` for the first attempt of a write against a revision
 * someone else may move in between (a report's save or submit: the office returns it, a co-unit
 * writes it), `retry` for its one retry after re-reading the report. Left out where no race is
 * possible.
 */
export type Race = 'first' | 'retry';

/** What an answer was: the one expected, a lost race (re-read and retry), or an error. */
export type Outcome = 'ok' | 'conflict' | 'error';

/** Latencies, failures and lost races by route (method + path template). */
export class Recorder {
  private readonly latencies = new Map<string, number[]>();
  private readonly failures = new Map<string, number>();
  private readonly races = new Map<string, number>();
  readonly firstErrors: string[] = [];

  /**
   * One HTTP answer, classified and recorded. A 409 on the first attempt of a write that can lose
   * a race is a conflict, counted apart: the report's revision moved because someone else wrote it
   * in between, the server was right to refuse the stale write, and the caller re-reads and tries
   * once more, as the web app does (it merges the user's edits onto the latest version). A 409
   * again on that retry, or a 409 where no race is possible, is an error like any other answer
   * that is not the expected one.
   */
  answer(
    route: string,
    ms: number,
    status: number,
    o: { expected: number; race?: Race; detail?: string },
  ): Outcome {
    if (status === o.expected) {
      this.ok(route, ms);
      return 'ok';
    }
    if (status === 409 && o.race === 'first') {
      this.time(route, ms);
      this.races.set(route, (this.races.get(route) ?? 0) + 1);
      return 'conflict';
    }
    const again = status === 409 && o.race === 'retry' ? ' again after re-reading' : '';
    this.fail(route, ms, `${status}${again} ${o.detail ?? ''}`.trim());
    return 'error';
  }

  ok(route: string, ms: number): void {
    this.time(route, ms);
  }

  fail(route: string, ms: number, detail: string): void {
    this.time(route, ms);
    this.failures.set(route, (this.failures.get(route) ?? 0) + 1);
    if (this.firstErrors.length < 20) this.firstErrors.push(`${route}: ${detail}`.slice(0, 300));
  }

  private time(route: string, ms: number): void {
    let list = this.latencies.get(route);
    if (!list) this.latencies.set(route, (list = []));
    list.push(ms);
  }

  get errors(): number {
    let n = 0;
    for (const v of this.failures.values()) n += v;
    return n;
  }

  get conflicts(): number {
    let n = 0;
    for (const v of this.races.values()) n += v;
    return n;
  }

  get requests(): number {
    let n = 0;
    for (const v of this.latencies.values()) n += v.length;
    return n;
  }

  routes(): RouteStats[] {
    return [...this.latencies.entries()]
      .map(([route, list]) => {
        const sorted = [...list].sort((a, b) => a - b);
        return {
          route,
          count: sorted.length,
          errors: this.failures.get(route) ?? 0,
          conflicts: this.races.get(route) ?? 0,
          p50Ms: round(percentile(sorted, 50), 1),
          p95Ms: round(percentile(sorted, 95), 1),
          p99Ms: round(percentile(sorted, 99), 1),
          maxMs: round(sorted[sorted.length - 1] ?? NaN, 1),
        };
      })
      .sort((a, b) => a.route.localeCompare(b.route));
  }

  /** Every request's latency, for the overall percentiles. */
  all(): number[] {
    return [...this.latencies.values()].flat().sort((a, b) => a - b);
  }
}

export interface MemorySample {
  /** Seconds since the traffic started. */
  atSec: number;
  rssMB: number;
  heapUsedMB: number;
  /** Heap after a full collection (only some samples take one: it pauses the server). */
  liveHeapMB: number | null;
}

/** MB per minute of the least-squares line through (seconds, MB); NaN for fewer than 3 points. */
export function slopePerMinute(points: { atSec: number; mb: number }[]): number {
  const n = points.length;
  if (n < 3) return NaN;
  const mx = points.reduce((s, p) => s + p.atSec, 0) / n;
  const my = points.reduce((s, p) => s + p.mb, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.atSec - mx) * (p.mb - my);
    den += (p.atSec - mx) ** 2;
  }
  return den === 0 ? NaN : (num / den) * 60;
}

export interface MemoryVerdict {
  samples: number;
  rssStartMB: number;
  rssEndMB: number;
  rssMaxMB: number;
  liveHeapStartMB: number | null;
  liveHeapEndMB: number | null;
  /** Slopes over the second half of the run. */
  rssSlopeMBPerMin: number;
  liveHeapSlopeMBPerMin: number;
  /** Whether the RSS slope counted (the second half was long enough: RSS_JUDGED_AFTER_SEC). */
  rssJudged: boolean;
  flat: boolean;
}

export function memoryVerdict(samples: MemorySample[], durationSec: number): MemoryVerdict {
  const half = samples.filter((s) => s.atSec >= durationSec / 2);
  const rss = slopePerMinute(half.map((s) => ({ atSec: s.atSec, mb: s.rssMB })));
  const live = slopePerMinute(
    half.filter((s) => s.liveHeapMB !== null).map((s) => ({ atSec: s.atSec, mb: s.liveHeapMB! })),
  );
  const lives = samples.filter((s) => s.liveHeapMB !== null);
  const rssJudged = durationSec / 2 >= RSS_JUDGED_AFTER_SEC;
  return {
    samples: samples.length,
    rssStartMB: samples[0]?.rssMB ?? NaN,
    rssEndMB: samples[samples.length - 1]?.rssMB ?? NaN,
    rssMaxMB: Math.max(...samples.map((s) => s.rssMB)),
    liveHeapStartMB: lives[0]?.liveHeapMB ?? null,
    liveHeapEndMB: lives[lives.length - 1]?.liveHeapMB ?? null,
    rssSlopeMBPerMin: round(rss, 2),
    liveHeapSlopeMBPerMin: round(live, 2),
    rssJudged,
    // Too few samples to fit a line is not "flat": the run was too short to say.
    flat:
      Number.isFinite(live) &&
      live <= LIVE_HEAP_SLOPE_MB_PER_MIN &&
      (!rssJudged || (Number.isFinite(rss) && rss <= RSS_SLOPE_MB_PER_MIN)),
  };
}
