import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// `npm test` builds first; this runs the installed command exactly as `npx reform-ledger` does.
describe('the reform-ledger binary', () => {
  it('parses the seed from the command line', () => {
    const out = execFileSync(
      process.execPath,
      [join(process.cwd(), 'bin/reform-ledger.js'), 'parse', 'data-seed/sanmen-2022.txt', '--compact'],
      {
        encoding: 'utf8',
      },
    );
    const plan = JSON.parse(out);
    expect(plan.items).toHaveLength(67);
    expect(
      plan.items.filter((i: { key: boolean }) => i.key).map((i: { number: number }) => i.number),
    ).toEqual([1, 9, 10, 11, 14, 16, 52, 58]);
  });
});
