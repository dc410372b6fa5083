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
  const SUBMIT = 'POST /api/reports/:id/submit';
  const SAVE = 'PUT /api/reports/by-item/:itemKey/:period';

  it('keeps percentiles and errors per route', () => {
    const r = new Recorder();
    for (let i = 1; i <= 100; i++) r.ok('GET /api/items', i);
    r.fail('GET /api/ledger.xlsx', 5, 'The operation was aborted due to timeout');
    expect(r.requests).toBe(101);
    expect(r.errors).toBe(1);
    expect(r.routes()).toEqual([
      {
        route: 'GET /api/items',
        count: 100,
        errors: 0,
        conflicts: 0,
        p50Ms: 50,
        p95Ms: 95,
        p99Ms: 99,
        maxMs: 100,
      },
      {
        route: 'GET /api/ledger.xlsx',
        count: 1,
        errors: 1,
        conflicts: 0,
        p50Ms: 5,
        p95Ms: 5,
        p99Ms: 5,
        maxMs: 5,
      },
    ]);
    expect(r.firstErrors).toEqual(['GET /api/ledger.xlsx: The operation was aborted due to timeout']);
  });

  it('counts a 409 on the first attempt of a racy write as a conflict, apart from errors', () => {
    const r = new Recorder();
    expect(r.answer(SAVE, 4, 409, { expected: 200, race: 'first', detail: 'stale' })).toBe('conflict');
    expect(r.answer(SAVE, 6, 200, { expected: 200, race: 'retry' })).toBe('ok');
    expect([r.requests, r.errors, r.conflicts]).toEqual([2, 0, 1]);
    expect(r.routes()).toMatchObject([{ route: SAVE, count: 2, errors: 0, conflicts: 1, maxMs: 6 }]);
    expect(r.firstErrors).toEqual([]);
  });

  it('counts a 409 that repeats after the retry, or one where no race is possible, as an error', () => {
    const r = new Recorder();
    expect(r.answer(SUBMIT, 3, 409, { expected: 200, race: 'first' })).toBe('conflict');
    expect(r.answer(SUBMIT, 3, 409, { expected: 200, race: 'retry', detail: '{"error":{}}' })).toBe('error');
    // Creating a report (revision null) or the office approving: nobody else writes in between.
    expect(r.answer(SAVE, 2, 409, { expected: 201, detail: 'exists' })).toBe('error');
    expect(r.answer('POST /api/reports/:id/approve', 2, 409, { expected: 200 })).toBe('error');
    expect([r.requests, r.errors, r.conflicts]).toEqual([4, 3, 1]);
    expect(r.firstErrors).toEqual([
      `${SUBMIT}: 409 again after re-reading {"error":{}}`,
      `${SAVE}: 409 exists`,
      'POST /api/reports/:id/approve: 409',
    ]);
  });

  it('counts any other unexpected status as an error even on a racy write', () => {
    const r = new Recorder();
    expect(r.answer(SAVE, 1, 500, { expected: 200, race: 'first', detail: 'boom' })).toBe('error');
    expect(r.answer(SAVE, 1, 200, { expected: 201 })).toBe('error');
    expect(r.answer(SAVE, 1, 201, { expected: 201 })).toBe('ok');
    expect([r.requests, r.errors, r.conflicts]).toEqual([3, 2, 0]);
    expect(r.firstErrors).toEqual([`${SAVE}: 500 boom`, `${SAVE}: 200`]);
  });
});
