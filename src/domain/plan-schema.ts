import { z } from 'zod';
import { FINDING_CODES } from './plan.js';

/**
 * The JSON contract of `reform-ledger parse`, as a schema. schema/plan.schema.json is generated
 * from it (`npm run schema`) and a test keeps the two equal, so the published JSON Schema can
 * never drift from what the code emits.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const source = z.enum(['goals', 'measures', 'achievements']);
const param = z.union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))]);

export const milestoneSchema = z
  .object({ deadline: isoDate, text: z.string(), source, phrase: z.string() })
  .strict();

export const targetSchema = z
  .object({
    metric: z.string(),
    op: z.enum(['>=', '<=', '=']),
    value: z.number().nullable(),
    unit: z.string(),
    deadline: isoDate.nullable(),
    text: z.string(),
    source,
  })
  .strict();

export const unitRefSchema = z
  .object({
    name: z.string().min(1),
    canonical: z.string().min(1),
    role: z.enum(['lead', 'co']),
    label: z.string().optional(),
    collective: z.boolean().optional(),
  })
  .strict();

export const itemSchema = z
  .object({
    number: z.number().int().nullable(),
    numberText: z.string(),
    numberInferred: z.boolean(),
    key: z.boolean(),
    title: z.string(),
    measures: z.array(z.string()),
    goalsText: z.string(),
    milestones: z.array(milestoneSchema),
    targets: z.array(targetSchema),
    achievements: z.array(z.string()),
    units: z.array(unitRefSchema),
    extra: z.record(z.string(), z.string()).optional(),
    section: z.string().optional(),
    sourceRow: z
      .object({ table: z.number().int(), row: z.number().int(), line: z.number().int().optional() })
      .strict()
      .optional(),
  })
  .strict();

const field = z.enum(['number', 'title', 'measures', 'goals', 'achievements', 'units']);

export const findingSchema = z
  .object({
    code: z.enum(FINDING_CODES as [string, ...string[]]),
    severity: z.enum(['error', 'warning', 'info']),
    item: z.number().int().nullable(),
    field: field.nullable(),
    variant: z.string().optional(),
    excerpt: z.string().optional(),
    message: z.string().min(1),
    params: z.record(z.string(), param).optional(),
  })
  .strict();

export const planSchema = z
  .object({
    title: z.string(),
    year: z.number().int().nullable(),
    items: z.array(itemSchema),
    findings: z.array(findingSchema),
    columns: z
      .array(z.object({ header: z.string(), field: z.union([field, z.literal('extra')]) }).strict())
      .optional(),
    source: z.object({ file: z.string(), format: z.string() }).strict().optional(),
  })
  .strict();

export function planJsonSchema(): Record<string, unknown> {
  return {
    $id: 'urn:reform-ledger:schema:plan',
    title: 'reform-ledger plan (output of `reform-ledger parse`)',
    ...z.toJSONSchema(planSchema, { target: 'draft-2020-12' }),
  };
}
