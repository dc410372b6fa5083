import { z } from 'zod';
import { isoDate, statusCountsSchema } from './common.js';
import { itemSummarySchema } from './items.js';

export const planInfoSchema = z.object({
  title: z.string(),
  year: z.number().int().nullable(),
  version: z.number().int(),
  importedAt: z.string(),
});

export const quarterCountsSchema = z.object({
  quarter: z.string(),
  red: z.number().int(),
  yellow: z.number().int(),
  green: z.number().int(),
  done: z.number().int(),
});

export const dashboardSchema = z.object({
  asOf: isoDate,
  warningDays: z.number().int(),
  /** Null until a plan has been imported. */
  plan: planInfoSchema.nullable(),
  /** Items by status. */
  counts: statusCountsSchema,
  milestonesByQuarter: z.array(quarterCountsSchema),
  keyItems: z.array(itemSummarySchema),
  /** Per unit: items it leads / co-leads; red and yellow among the items it leads. */
  unitWorkload: z.array(
    z.object({
      unitId: z.string(),
      name: z.string(),
      lead: z.number().int(),
      co: z.number().int(),
      red: z.number().int(),
      yellow: z.number().int(),
    }),
  ),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
