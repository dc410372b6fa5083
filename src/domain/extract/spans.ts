/**
 * Half-open text spans [a, b) — date phrases, quotations — sorted by start, with the running
 * maximum of their ends, so that "does anything overlap [s, e)?" takes a binary search
 * instead of a pass over every span. A cell of thousands of dates and numbers asks that
 * question once per number; as a pass it was quadratic (seconds for one pasted cell).
 */
export class SpanIndex {
  readonly spans: readonly [number, number][];
  private readonly maxEnd: number[] = [];

  constructor(spans: readonly [number, number][]) {
    this.spans = [...spans].sort((x, y) => x[0] - y[0]);
    let max = -Infinity;
    for (const [, b] of this.spans) this.maxEnd.push((max = Math.max(max, b)));
  }

  /** Index of the first span starting at or after `at` (spans.length when none does). */
  firstStartingAt(at: number): number {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.spans[mid]![0] < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Whether some span overlaps [s, e): among the spans starting before e, the furthest end passes s. */
  overlaps(s: number, e: number): boolean {
    const last = this.firstStartingAt(e) - 1;
    return last >= 0 && this.maxEnd[last]! > s;
  }
}
