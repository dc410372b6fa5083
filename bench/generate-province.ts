/**
 * Writes a generated province to a folder, to import by hand or to look at:
 *   npx tsx bench/generate-province.ts --out /tmp/province --counties 100 [--items 70] [--seed 1]
 *   node bin/reform-ledger.js import /tmp/province
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateProvince } from './province-generator.js';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    counties: { type: 'string', default: '100' },
    items: { type: 'string', default: '70' },
    seed: { type: 'string', default: '1' },
  },
});

if (!values.out) {
  process.stderr.write('usage: generate-province --out DIR [--counties 100] [--items 70] [--seed 1]\n');
  process.exit(2);
}

const plans = generateProvince({
  counties: positive(values.counties, 'counties'),
  itemsPerPlan: positive(values.items, 'items'),
  seed: Number(values.seed),
});
mkdirSync(values.out, { recursive: true });
for (const p of plans) writeFileSync(join(values.out, p.name), p.text, 'utf8');
process.stdout.write(`${plans.length} plans written to ${values.out}\n`);

function positive(v: string, name: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`--${name} must be a positive integer, got ${v}\n`);
    process.exit(2);
  }
  return n;
}
