import { describe, expect, it } from 'vitest';
import {
  LIVE_HEAP_SLOPE_MB_PER_MIN,
  memoryVerdict,
  Recorder,
  slopePerMinute,
  type MemorySample,
} from './soak-stats.js';

const samples = (mbAt: (sec: number) => number, seconds = 600, every = 10): MemorySample[] =>
  Array.from({ length: seconds / every + 1 }, (_, i) => {
    const atSec = i * every;
    return { atSec, rssMB: 150 + mbAt(atSec), heapUsedMB: 60, liveHeapMB: 40 + mbAt(atSec) };
  });

describe('slopePerMinute', () => {
  it('is the least-squares slope in MB per minute', () => {
    expect(slopePerMinute([0, 60, 120].map((atSec) => ({ atSec, mb: 10 + atSec / 30 })))).toBeCloseTo(2);
    expect(slopePerMinute([0, 60, 120].map((atSec) => ({ atSec, mb: 7 })))).toBe(0);
    expect(slopePerMinute([{ atSec: 0, mb: 1 }])).toBeNaN();
  });
});

describe('memoryVerdict', () => {
  it('calls a warm-up followed by a plateau flat', () => {
    const v = memoryVerdict(
      samples((s) => Math.min(s, 200) / 10 + (s % 20 === 0 ? 1 : -1)),
      600,
    );
    expect(v.flat).toBe(true);
    expect(Math.abs(v.liveHeapSlopeMBPerMin)).toBeLessThan(LIVE_HEAP_SLOPE_MB_PER_MIN);
  });

  it('fails a steady climb in the second half, and a run too short to fit a line', () => {
    expect(
      memoryVerdict(
        samples((s) => s / 30),
        600,
      ).flat,
    ).toBe(false);
    expect(
      memoryVerdict(
        samples(() => 0, 20, 10),
        20,
      ).flat,
    ).toBe(false);
  });

  it('judges RSS only when the second half is long enough to average out its jumps', () => {
    const rssOnly = (seconds: number): MemorySample[] =>
      samples(() => 0, seconds).map((s) => ({ ...s, rssMB: 150 + s.atSec / 10 }));
    expect(memoryVerdict(rssOnly(120), 120)).toMatchObject({ rssJudged: false, flat: true });
    expect(memoryVerdict(rssOnly(600), 600)).toMatchObject({ rssJudged: true, flat: false });
  });
});

describe('Recorder', () => {
  it('keeps percentiles and errors per route', () => {
    const r = new Recorder();
    for (let i = 1; i <= 100; i++) r.ok('GET /api/items', i);
    r.fail('POST /api/reports/:id/submit', 5, '409 conflict');
    expect(r.requests).toBe(101);
    expect(r.errors).toBe(1);
    expect(r.routes()).toEqual([
      { route: 'GET /api/items', count: 100, errors: 0, p50Ms: 50, p95Ms: 95, p99Ms: 99, maxMs: 100 },
      { route: 'POST /api/reports/:id/submit', count: 1, errors: 1, p50Ms: 5, p95Ms: 5, p99Ms: 5, maxMs: 5 },
    ]);
    expect(r.firstErrors).toEqual(['POST /api/reports/:id/submit: 409 conflict']);
  });
});
