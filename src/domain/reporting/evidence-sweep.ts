/**
 * Which files of the evidence store a sweep (`reform-ledger evidence gc`) removes. Blobs are
 * content-addressed and shared by every row with the same content, in any org, so a blob is
 * garbage only when no evidence row anywhere names its hash. A grace period protects uploads in
 * flight: a blob is written before the row that names it is committed (attach-evidence), and a
 * reused blob is marked fresh by the put that reuses it, so only files untouched for the whole
 * grace period are taken.
 */

export interface SweepFile {
  /** `blob`: under its final name; `temp`: a put's temporary file; `swept`: a sweep's, interrupted. */
  kind: 'blob' | 'temp' | 'swept';
  sha256: string;
  bytes: number;
  /** When it was last written, reused or moved. */
  changedAt: Date;
}

export interface SweepPlan<F extends SweepFile> {
  /** Blobs that some row names. */
  referenced: F[];
  /** Unreferenced blobs and leftovers untouched since the cutoff: to remove. */
  remove: F[];
  /** Unreferenced, but touched within the grace period: left for a later sweep. */
  young: F[];
  /** Files an interrupted sweep had moved aside whose hash a row names: to put back. */
  restore: F[];
}

export function planEvidenceSweep<F extends SweepFile>(
  files: readonly F[],
  referenced: ReadonlySet<string>,
  cutoff: Date,
): SweepPlan<F> {
  const plan: SweepPlan<F> = { referenced: [], remove: [], young: [], restore: [] };
  for (const f of files) {
    const named = referenced.has(f.sha256);
    if (f.kind === 'blob' && named) plan.referenced.push(f);
    // Young leftovers too: a temp file may be a put in progress, a swept one another sweep's.
    else if (f.changedAt.getTime() >= cutoff.getTime()) plan.young.push(f);
    else if (f.kind === 'swept' && named) plan.restore.push(f);
    // A temp file is never read: an old one is what a crashed put left.
    else plan.remove.push(f);
  }
  return plan;
}

export function totalBytes(files: readonly SweepFile[]): number {
  return files.reduce((sum, f) => sum + f.bytes, 0);
}
