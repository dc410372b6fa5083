import type { Readable } from 'node:stream';
import type { Actor } from '../domain/reporting/report-access.js';
import type { EvidenceDto } from '../shared/api/reports.js';
import type { Db } from '../store/database.js';
import {
  findEvidence,
  findReportGate,
  listEvidence,
  type EvidenceRecord,
} from '../store/evidence.repository.js';
import { evidenceNotFound, readableReport, toEvidenceDto } from './evidence-access.js';
import type { EvidenceStore } from './evidence-store.js';
import type { Ledger } from './ledger.service.js';

/** Reading evidence: whoever may read the report may read its files; to anyone else they do not exist. */

export type EvidenceReader = Actor & { orgId: string };

export interface OpenedEvidence {
  evidence: EvidenceRecord;
  content: Readable;
}

export async function openEvidence(
  db: Db,
  store: EvidenceStore,
  ledger: Ledger,
  reader: EvidenceReader,
  id: string,
): Promise<OpenedEvidence> {
  const evidence = await findEvidence(db.kysely, reader.orgId, id);
  if (!evidence) throw evidenceNotFound();
  const gate = await findReportGate(db.kysely, reader.orgId, evidence.reportId);
  readableReport(ledger, reader, gate, evidenceNotFound);
  return { evidence, content: await store.open(evidence.sha256) };
}

/** A report's files, oldest first. */
export async function listReportEvidence(
  db: Db,
  ledger: Ledger,
  reader: EvidenceReader,
  reportId: string,
): Promise<EvidenceDto[]> {
  const gate = await findReportGate(db.kysely, reader.orgId, reportId);
  readableReport(ledger, reader, gate);
  return (await listEvidence(db.kysely, reader.orgId, reportId)).map((e) => toEvidenceDto(ledger, e));
}
