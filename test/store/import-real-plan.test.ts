import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { importPlan } from '../../src/services/import-plan.service.js';
import { parseDocumentFile, type ParsedDocument } from '../../src/services/parse-document.service.js';
import { loadPlan } from '../../src/store/items.repository.js';
import { ENGINES, countRows, openTestDatabase, type TestDatabase } from '../helpers/test-database.js';

/** The real 三门县 2022 library through parse → store → load: whatever the parser makes must survive storage. */
const SEED = join(import.meta.dirname, '../../data-seed/sanmen-2022.txt');

describe.each(ENGINES)('the 三门县 2022 library on %s', (engine) => {
  let t: TestDatabase;
  let parsed: ParsedDocument;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
    parsed = await parseDocumentFile(SEED);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it('loads back as the plan that was parsed, and a second import of the file is a no-op', async () => {
    const r = await importPlan(t.db, { plan: parsed.plan, org: '三门县', file: parsed.file });
    expect(r.status).toBe('imported');
    expect(r.diff.added.length).toBe(parsed.plan.items.length);
    // The parse contract is JSON: compare as JSON would carry it (no undefined-valued keys).
    const expected = JSON.parse(JSON.stringify(parsed.plan)) as unknown;
    expect(await loadPlan(t.db.kysely, r.orgId!, r.versionId!)).toStrictEqual(expected);

    const before = await countRows(t.db);
    const again = await importPlan(t.db, { plan: parsed.plan, org: '三门县', file: parsed.file });
    expect(again.status).toBe('unchanged');
    expect(again.diff.unchanged).toBe(parsed.plan.items.length);
    expect(await countRows(t.db)).toEqual(before);
  });
});
