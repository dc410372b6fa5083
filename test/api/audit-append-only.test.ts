import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The audit log is written only through appendAudit (store/audit.repository.ts): no other source
 * file names the table, so no code path writes, changes or deletes its rows around it. That every
 * write route does call it: audit-coverage.test.ts.
 */

describe('the audit log', () => {
  it('writes the audit log only through appendAudit: no other code names the table', () => {
    const allowed = new Set(['store/audit.repository.ts', 'store/schema.ts']);
    const offenders: string[] = [];
    for (const file of sourceFiles('src')) {
      const rel = file.slice('src/'.length);
      if (allowed.has(rel) || rel.startsWith('store/migrations/') || rel.endsWith('.test.ts')) continue;
      if (/['"`]audit_log['"`]|\baudit_log\b\s*(set|where)/i.test(readFileSync(file, 'utf8')))
        offenders.push(rel);
    }
    expect(offenders).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.ts'))
    .map((d) => join(d.parentPath, d.name));
}
