import { describe, expect, it } from 'vitest';
import { duplicateText } from './duplicate-text.js';
import { lintItem } from '../../../test/helpers/lint-item.factory.js';

/** mulberry32: a small seeded generator, so the corpus is the same on every run. */
function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('DUPLICATE_TEXT at province scale', () => {
  it('lints 100 plans × 70 items (~50 000 entries) at once in seconds, not the minutes of a full comparison', () => {
    const rnd = seeded(2022);
    // Words of 2–4 CJK characters with a skewed frequency, so some bigrams are everywhere.
    const word = () =>
      Array.from({ length: 2 + Math.floor(rnd() * 3) }, () =>
        String.fromCodePoint(0x4e00 + Math.floor(rnd() * 3000)),
      ).join('');
    const vocabulary = Array.from({ length: 3000 }, word);
    const sentence = () =>
      Array.from(
        { length: 6 + Math.floor(rnd() * 10) },
        () => vocabulary[Math.floor(vocabulary.length * rnd() ** 2)],
      ).join('');
    const items = Array.from({ length: 7000 }, (_, i) =>
      lintItem({
        number: i + 1,
        measures: [sentence(), sentence(), sentence()],
        goals: `2022年6月底前，${sentence()}；\n2022年12月底前，${sentence()}。`,
        achievements: [sentence()],
        milestones: [],
        targets: [],
      }),
    );
    items[6999]!.achievements = [`${items[10]!.measures[1]!}。`];

    const started = performance.now();
    const drafts = duplicateText(items);
    const elapsed = performance.now() - started;

    expect(drafts).toEqual([
      expect.objectContaining({
        item: 7000,
        field: 'achievements',
        params: { other: 11, otherField: 'measures', similarity: 100 },
      }),
    ]);
    expect(elapsed).toBeLessThan(15_000);
  });
});
