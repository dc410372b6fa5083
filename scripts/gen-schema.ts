// Writes schema/plan.schema.json from the zod schema (run: npm run schema).
import { writeFileSync } from 'node:fs';
import { planJsonSchema } from '../src/domain/plan-schema.js';

writeFileSync(
  new URL('../schema/plan.schema.json', import.meta.url),
  `${JSON.stringify(planJsonSchema(), null, 2)}\n`,
);
