import { describe, expect, it } from 'vitest';
import { planEvidenceSweep, totalBytes, type SweepFile } from './evidence-sweep.js';

const CUTOFF = new Date('2026-03-01T10:00:00Z');
const OLD = new Date('2026-03-01T08:00:00Z');
const YOUNG = new Date('2026-03-01T10:30:00Z');
const hash = (c: string) => c.repeat(64);

function file(kind: SweepFile['kind'], c: string, changedAt: Date, bytes = 100): SweepFile {
  return { kind, sha256: hash(c), bytes, changedAt };
}

describe('planEvidenceSweep', () => {
  it('keeps every blob a row names, however old, and removes only old unreferenced ones', () => {
    const files = [
      file('blob', 'a', OLD),
      file('blob', 'b', OLD, 300),
      file('blob', 'c', YOUNG),
      file('blob', 'd', YOUNG),
    ];
    const plan = planEvidenceSweep(files, new Set([hash('a'), hash('d')]), CUTOFF);
    expect(plan.referenced.map((f) => f.sha256)).toEqual([hash('a'), hash('d')]);
    expect(plan.remove.map((f) => f.sha256)).toEqual([hash('b')]);
    expect(plan.young.map((f) => f.sha256)).toEqual([hash('c')]);
    expect(plan.restore).toEqual([]);
    expect(totalBytes(plan.remove)).toBe(300);
  });

  it('takes a file changed exactly at the cutoff as young', () => {
    const plan = planEvidenceSweep([file('blob', 'e', CUTOFF)], new Set(), CUTOFF);
    expect(plan.young).toHaveLength(1);
    expect(plan.remove).toHaveLength(0);
  });

  it('removes old leftovers, leaves young ones (a put or a sweep in progress) and puts back a swept file still named', () => {
    const files = [
      file('temp', 'a', OLD),
      file('temp', 'b', YOUNG),
      file('swept', 'c', OLD),
      file('swept', 'd', OLD),
      file('swept', 'e', YOUNG),
    ];
    const plan = planEvidenceSweep(files, new Set([hash('a'), hash('c'), hash('e')]), CUTOFF);
    // A temp file is never read, even when a row names its content.
    expect(plan.remove.map((f) => [f.kind, f.sha256])).toEqual([
      ['temp', hash('a')],
      ['swept', hash('d')],
    ]);
    expect(plan.young.map((f) => [f.kind, f.sha256])).toEqual([
      ['temp', hash('b')],
      ['swept', hash('e')],
    ]);
    expect(plan.restore.map((f) => f.sha256)).toEqual([hash('c')]);
    expect(plan.referenced).toEqual([]);
  });
});
