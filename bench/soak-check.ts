/**
 * After the soak, the database against what the server acknowledged (bench/soak-traffic.ts):
 * every acknowledged report is there exactly once, in the state and revision last acknowledged;
 * no report exists that nobody was told about; its history (report_events) holds one event per
 * acknowledged step, numbered 1, 2, … without a gap; its evidence rows are the files whose upload
 * was acknowledged.
 */
import type { DatabaseConfig } from '../src/config.js';
import { createDatabase } from '../src/store/database.js';
import type { Ack } from './soak-traffic.js';

export interface SoakCounts {
  acknowledged: number;
  stored: number;
  /** Acknowledged, not in the database. */
  lost: number;
  /** One (item, period) stored more than once. */
  duplicated: number;
  /** Stored, never acknowledged to anyone. */
  unacknowledged: number;
  /** Stored in another state or revision than last acknowledged. */
  stale: number;
  /** Reports whose events do not match the acknowledged steps, or are not numbered 1…n. */
  eventMismatches: number;
  /** Reports whose evidence rows do not match the acknowledged uploads. */
  evidenceMismatches: number;
  events: number;
  evidence: number;
  submitted: number;
  approved: number;
  returned: number;
  firstProblems: string[];
}

export async function checkCounts(database: DatabaseConfig, acks: Map<string, Ack>): Promise<SoakCounts> {
  const db = await createDatabase({ database });
  try {
    const k = db.kysely;
    const reports = await k
      .selectFrom('reports')
      .select(['id', 'item_key', 'period', 'status', 'revision'])
      .execute();
    const events = await k.selectFrom('report_events').select(['report_id', 'seq', 'action']).execute();
    const evidence = await k.selectFrom('evidence').select(['report_id']).execute();

    const problems: string[] = [];
    const note = (s: string) => void (problems.length < 10 && problems.push(s));
    const bySlot = new Map<string, number>();
    const byId = new Map(reports.map((r) => [r.id, r]));
    for (const r of reports)
      bySlot.set(`${r.item_key}/${r.period}`, (bySlot.get(`${r.item_key}/${r.period}`) ?? 0) + 1);

    const eventsOf = new Map<string, { seq: number; action: string }[]>();
    for (const e of events) {
      const list = eventsOf.get(e.report_id) ?? [];
      list.push({ seq: Number(e.seq), action: e.action });
      eventsOf.set(e.report_id, list);
    }
    const evidenceOf = new Map<string, number>();
    for (const e of evidence) evidenceOf.set(e.report_id, (evidenceOf.get(e.report_id) ?? 0) + 1);

    let lost = 0;
    let stale = 0;
    let eventMismatches = 0;
    let evidenceMismatches = 0;
    for (const ack of acks.values()) {
      const row = byId.get(ack.id);
      if (!row) {
        lost++;
        note(`lost: report ${ack.id} (${ack.itemKey} ${ack.period})`);
        continue;
      }
      if (row.status !== ack.status || Number(row.revision) !== ack.revision) {
        stale++;
        note(
          `stale: ${ack.id} stored ${row.status} r${row.revision}, acknowledged ${ack.status} r${ack.revision}`,
        );
      }
      const list = (eventsOf.get(ack.id) ?? []).sort((a, b) => a.seq - b.seq);
      const count = (action: string) => list.filter((e) => e.action === action).length;
      const numbered = list.every((e, i) => e.seq === i + 1);
      if (
        !numbered ||
        count('create') !== ack.creates ||
        count('save') !== ack.saves ||
        count('submit') !== ack.submits ||
        count('approve') !== ack.approves ||
        count('return') !== ack.returns
      ) {
        eventMismatches++;
        note(
          `events of ${ack.id}: ${list.map((e) => `${e.seq}:${e.action}`).join(' ')} vs ${JSON.stringify(ack)}`,
        );
      }
      if ((evidenceOf.get(ack.id) ?? 0) !== ack.evidence) {
        evidenceMismatches++;
        note(`evidence of ${ack.id}: ${evidenceOf.get(ack.id) ?? 0} stored, ${ack.evidence} acknowledged`);
      }
    }
    const unacknowledged = reports.filter((r) => !acks.has(r.id)).length;
    if (unacknowledged > 0) note(`${unacknowledged} stored reports were never acknowledged`);
    const acked = [...acks.values()];
    return {
      acknowledged: acks.size,
      stored: reports.length,
      lost,
      duplicated: [...bySlot.values()].filter((n) => n > 1).length,
      unacknowledged,
      stale,
      eventMismatches,
      evidenceMismatches,
      events: events.length,
      evidence: evidence.length,
      submitted: acked.filter((a) => a.status === 'submitted').length,
      approved: acked.filter((a) => a.status === 'approved').length,
      returned: acked.filter((a) => a.status === 'returned').length,
      firstProblems: problems,
    };
  } finally {
    await db.destroy();
  }
}

/** Nothing lost, duplicated, invented, stale or inconsistent. */
export function countsHold(c: SoakCounts): boolean {
  return (
    c.lost === 0 &&
    c.duplicated === 0 &&
    c.unacknowledged === 0 &&
    c.stale === 0 &&
    c.eventMismatches === 0 &&
    c.evidenceMismatches === 0
  );
}
