import { randomUUID } from 'node:crypto';
import type { EvidenceDto } from '../shared/api/reports.js';
import type { Db } from '../store/database.js';
import { findEvidenceByContent, findReportGate, insertEvidence } from '../store/evidence.repository.js';
import { attachableReport, toEvidenceDto, type EvidenceActor } from './evidence-access.js';
import type { EvidenceStore } from './evidence-store.js';
import { detectEvidenceType, evidenceFileName } from './evidence-type.js';
import type { Ledger } from './ledger.service.js';

export interface ReceivedFile {
  /** As the uploader named it; cleaned up and given the extension of the content. */
  fileName: string;
  bytes: Uint8Array;
}

export interface AttachEvidenceInput {
  reportId: string;
  /**
   * Receives the upload (within the size limit), called only once the caller is known to be
   * allowed to attach: a refused upload is not read into memory.
   */
  receive: () => Promise<ReceivedFile>;
}

export interface AttachedEvidence {
  evidence: EvidenceDto;
  /** False when this report already had a file with the same content: that one is returned. */
  created: boolean;
}

/**
 * Attaches a file to a report still in the units' hands (draft or returned): the caller must be
 * allowed to (report-access.ts), the content must be an accepted type (evidence-type.ts).
 */
export async function attachEvidence(
  db: Db,
  store: EvidenceStore,
  ledger: Ledger,
  actor: EvidenceActor,
  input: AttachEvidenceInput,
): Promise<AttachedEvidence> {
  attachableReport(ledger, actor, await findReportGate(db.kysely, actor.orgId, input.reportId));
  const file = await input.receive();
  const type = await detectEvidenceType(file.bytes, file.fileName);

  // The blob is stored before the row, outside the transaction. Should the row not be written
  // (the report was submitted meanwhile, the database fails, the process dies) the blob stays
  // without a row: harmless, since blobs are content-addressed (the next upload of the same
  // bytes reuses it), immutable, and only ever served through a row. The reverse order could
  // leave a row pointing at nothing.
  const blob = await store.put(file.bytes);

  return db.kysely.transaction().execute(async (trx) => {
    // Checked again under the row lock: a submit that slipped in since is seen here.
    const locked = await findReportGate(trx, actor.orgId, input.reportId, {
      lock: db.dialect === 'postgres',
    });
    attachableReport(ledger, actor, locked);
    // Uploading the same file to the same report twice (a double click, a retry) attaches it once.
    const existing = await findEvidenceByContent(trx, actor.orgId, input.reportId, blob.sha256);
    if (existing) return { evidence: toEvidenceDto(ledger, existing), created: false };
    const record = await insertEvidence(trx, actor, {
      id: randomUUID(),
      reportId: input.reportId,
      // The office attaches on the owning unit's behalf.
      unitId: actor.unitId ?? locked!.unitId,
      sha256: blob.sha256,
      fileName: evidenceFileName(file.fileName, type),
      mime: type.mime,
      bytes: blob.bytes,
    });
    return { evidence: toEvidenceDto(ledger, record), created: true };
  });
}
