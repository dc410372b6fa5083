import { ForbiddenError } from '../domain/errors.js';
import { mayRemoveEvidence } from '../domain/reporting/report-access.js';
import type { Db } from '../store/database.js';
import { deleteEvidence, findEvidence, findReportGate } from '../store/evidence.repository.js';
import { evidenceNotFound, readableReport, refusal, type EvidenceActor } from './evidence-access.js';
import type { Ledger } from './ledger.service.js';

/**
 * Removes a file from a report still in the units' hands; a unit removes only its own files,
 * the office any. The row goes (audited, in one transaction); the blob stays in the store, where
 * other rows may share it — unreferenced blobs are for the sweep (`reform-ledger evidence gc`),
 * never for a request.
 */
export async function removeEvidence(
  db: Db,
  ledger: Ledger,
  actor: EvidenceActor,
  id: string,
): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    const evidence = await findEvidence(trx, actor.orgId, id);
    if (!evidence) throw evidenceNotFound();
    const gate = await findReportGate(trx, actor.orgId, evidence.reportId, {
      lock: db.dialect === 'postgres',
    });
    const { units, can } = readableReport(ledger, actor, gate, evidenceNotFound);
    if (!mayRemoveEvidence(actor, units, gate!.status, evidence.unitId)) {
      throw can.attach ? new ForbiddenError('error.evidence_not_own') : refusal(actor, units);
    }
    await deleteEvidence(trx, actor, evidence);
  });
}
