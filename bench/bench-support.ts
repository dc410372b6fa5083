import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

/** One line of bench/results.json's `results`. */
export interface BenchResult {
  name: string;
  target: string;
  value: number | null;
  unit: string;
  /** Null when the benchmark was skipped. */
  met: boolean | null;
  skipped?: string;
  details?: Record<string, unknown>;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarize(samples: number[]): { median: number; p95: number; min: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { median: percentile(s, 50), p95: percentile(s, 95), min: s[0]!, max: s[s.length - 1]! };
}

export function round(v: number, decimals = 2): number {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}

const MB = 1024 * 1024;

/**
 * Peak resident memory of this process. The interval samples show the peak while the work runs;
 * the kernel's maxRSS catches spikes between samples (it is the lifetime peak, which is why
 * imports run in a child process of their own).
 */
export class RssSampler {
  /** RSS before the work: node, the loaded modules and (under tsx) its loader thread, ~45 MB of it. */
  private readonly baseline = process.memoryUsage().rss;
  private peak = this.baseline;
  private timer: NodeJS.Timeout;

  constructor(intervalMs = 20) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage().rss);
  }

  stop(): { baselineMB: number; sampledPeakMB: number; maxRssMB: number } {
    this.sample();
    clearInterval(this.timer);
    return {
      baselineMB: round(this.baseline / MB, 1),
      sampledPeakMB: round(this.peak / MB, 1),
      // resourceUsage().maxRSS is in kilobytes.
      maxRssMB: round((process.resourceUsage().maxRSS * 1024) / MB, 1),
    };
  }
}

export function machineInfo() {
  const cpu = cpus();
  return {
    cpus: cpu.length,
    model: cpu[0]?.model.trim() ?? 'unknown',
    memGB: round(totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    // Other work on the machine skews timings; the 1/5/15-minute load at the start says how much.
    loadAvg: loadavg().map((l) => round(l, 2)),
  };
}

/** Short commit, with "+dirty" when the tree has changes: results of uncommitted code say so. */
export function gitCommit(cwd: string): string | null {
  try {
    const run = (args: string[]) =>
      execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const head = run(['rev-parse', '--short', 'HEAD']).trim();
    const dirty = run(['status', '--porcelain', '--untracked-files=no']).trim() !== '';
    return dirty ? `${head}+dirty` : head;
  } catch {
    return null;
  }
}

/** Runs the garbage collector when node was started with --expose-gc, so one sample's garbage is not billed to the next. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Live heap after a full collection (NaN without --expose-gc): flat across runs means nothing is retained. */
export function heapAfterGcMB(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return NaN;
  gc();
  return round(process.memoryUsage().heapUsed / MB, 1);
}
