import { z } from 'zod';
import { isoDate, nextDeadlineSchema, statusSchema } from './common.js';
import { itemSummarySchema } from './items.js';

/** collective: 各乡镇（街道）and the like, set by the importer; the rest an admin sets. */
export const UNIT_TYPES = [
  'department',
  'township',
  'vertical',
  'enterprise',
  'collective',
  'other',
] as const;
export const unitTypeSchema = z.enum(UNIT_TYPES);

export const unitSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: unitTypeSchema.nullable(),
    aliases: z.array(z.string()),
    /** Items of the current plan it leads / co-leads. */
    lead: z.number().int(),
    co: z.number().int(),
    /** Earliest open milestone due on or after asOf among the items it leads. */
    nextDeadline: nextDeadlineSchema.nullable(),
  })
  .meta({ id: 'Unit' });
export type UnitDto = z.infer<typeof unitSchema>;

export const unitsSchema = z.object({ units: z.array(unitSchema), asOf: isoDate });

export const unitGraphSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      type: unitTypeSchema.nullable(),
      lead: z.number().int(),
      co: z.number().int(),
    }),
  ),
  /** Two units share `shared` items of the current plan (as lead or co). */
  links: z.array(z.object({ source: z.string(), target: z.string(), shared: z.number().int() })),
});
export type UnitGraph = z.infer<typeof unitGraphSchema>;

export const unitDetailSchema = z.object({
  unit: unitSchema,
  lead: z.array(itemSummarySchema),
  co: z.array(itemSummarySchema),
  /** Open milestones of the items it leads, due on or after asOf, earliest first. */
  nextDeadlines: z.array(
    z.object({
      number: z.number().int().nullable(),
      title: z.string(),
      deadline: isoDate,
      text: z.string(),
      status: statusSchema,
    }),
  ),
  asOf: isoDate,
});
export type UnitDetail = z.infer<typeof unitDetailSchema>;

export const unitPatchBodySchema = z
  .object({
    /** The old name is kept as an alias, so later imports still find the unit. */
    name: z.string().trim().min(1).max(100).optional(),
    type: unitTypeSchema.nullable().optional(),
  })
  .strict();
export type UnitPatchBody = z.infer<typeof unitPatchBodySchema>;

export const unitMergeBodySchema = z.object({ into: z.uuid() }).strict();
export type UnitMergeBody = z.infer<typeof unitMergeBodySchema>;
