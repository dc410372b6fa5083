import type { Executor } from './database.js';

/**
 * The narratives (进展情况, in words) of approved reports, for the bulletin's key reforms: what
 * progress.repository.ts leaves out of the accepted record, which carries the entries only.
 */
export interface ApprovedNarrative {
  itemKey: string;
  period: string;
  text: string;
  /** ISO timestamp of the approval (the report's review), falling back to its last update. */
  approvedAt: string;
}

export async function loadApprovedNarratives(exec: Executor, orgId: string): Promise<ApprovedNarrative[]> {
  const rows = await exec
    .selectFrom('reports')
    .select(['item_key', 'period', 'content', 'reviewed_at', 'updated_at'])
    .where('org_id', '=', orgId)
    .where('status', '=', 'approved')
    .orderBy('item_key')
    .orderBy('period')
    .execute();
  return rows.flatMap((r) => {
    const text = narrativeOf(r.content);
    return text
      ? [{ itemKey: r.item_key, period: r.period, text, approvedAt: r.reviewed_at ?? r.updated_at }]
      : [];
  });
}

function narrativeOf(content: string): string {
  try {
    const v = (JSON.parse(content) as { narrative?: unknown } | null)?.narrative;
    return typeof v === 'string' ? v.trim() : '';
  } catch {
    return '';
  }
}
