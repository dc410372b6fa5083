import type { Db } from '../store/database.js';
import { loadFindings } from '../store/findings.repository.js';
import type { FindingsDto } from '../shared/api/findings.js';
import type { Ledger } from './ledger.service.js';

/** GET /findings: the plan-quality findings of the current version, as stored at import. */
export async function listFindings(db: Db, ledger: Ledger): Promise<FindingsDto> {
  const findings = ledger.plan ? await loadFindings(db.kysely, ledger.orgId, ledger.plan.versionId) : [];
  const byCode: Record<string, number> = {};
  for (const f of findings) byCode[f.code] = (byCode[f.code] ?? 0) + 1;
  return { findings, byCode };
}
