import { z } from 'zod';
import { findingSchema, milestoneSchema, targetSchema } from '../../domain/plan-schema.js';
import {
  isoDate,
  nextDeadlineSchema,
  optionalParam,
  quarterSchema,
  statusCountsSchema,
  statusSchema,
  unitRefSchema,
} from './common.js';

export const MAX_PAGE_SIZE = 200;
export const ITEM_SORTS = ['number', 'deadline', 'status', 'title'] as const;

/** Filters of GET /items and GET /items/export.xlsx. Empty values (`q=`) count as absent. */
export const itemFiltersSchema = z.object({
  /** Text anywhere in the item: title, measures, goals, achievements, unit names. */
  q: optionalParam(z.string().trim().min(1).max(100)),
  /** A unit id: items it leads or co-leads (narrow with `role`). */
  unit: optionalParam(z.uuid()),
  role: optionalParam(z.enum(['lead', 'co'])),
  key: optionalParam(z.enum(['true', 'false']).transform((v) => v === 'true')),
  status: optionalParam(statusSchema),
  /** Items with a milestone in this quarter, e.g. 2022Q3. */
  quarter: optionalParam(quarterSchema),
  /** Items with a milestone deadline in [deadlineFrom, deadlineTo]. */
  deadlineFrom: optionalParam(isoDate),
  deadlineTo: optionalParam(isoDate),
  asOf: optionalParam(isoDate),
  sort: optionalParam(z.enum(ITEM_SORTS)),
  order: optionalParam(z.enum(['asc', 'desc'])),
});
export type ItemFilters = z.output<typeof itemFiltersSchema>;

export const itemsQuerySchema = itemFiltersSchema.extend({
  page: optionalParam(z.coerce.number().int().min(1)),
  pageSize: optionalParam(z.coerce.number().int().min(1).max(MAX_PAGE_SIZE)),
});
export type ItemsQuery = z.output<typeof itemsQuerySchema>;

export const itemSummarySchema = z
  .object({
    /** Stable across plan versions (reports will hang off it). */
    itemKey: z.string(),
    number: z.number().int().nullable(),
    title: z.string(),
    key: z.boolean(),
    status: statusSchema,
    section: z.string().nullable(),
    leadUnit: unitRefSchema.nullable(),
    coUnits: z.array(unitRefSchema),
    /** The earliest open milestone due on or after asOf. */
    nextDeadline: nextDeadlineSchema.nullable(),
    /** How many milestones / targets, by status. */
    milestones: statusCountsSchema,
    targets: statusCountsSchema,
  })
  .meta({ id: 'ItemSummary' });
export type ItemSummary = z.infer<typeof itemSummarySchema>;

export const itemsPageSchema = z.object({
  items: z.array(itemSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  asOf: isoDate,
});
export type ItemsPage = z.infer<typeof itemsPageSchema>;

export const itemNumberParamsSchema = z.object({ number: z.coerce.number().int().min(0) });
export const asOfQuerySchema = z.object({ asOf: optionalParam(isoDate) });

export const itemUnitSchema = z.object({
  id: z.string(),
  /** As written in this item's cell. */
  name: z.string(),
  canonical: z.string(),
  role: z.enum(['lead', 'co']),
  label: z.string().optional(),
  collective: z.boolean().optional(),
});

export const historyEntrySchema = z.object({
  version: z.number().int(),
  importedAt: z.string(),
  sourceFile: z.string(),
  change: z.enum(['added', 'changed']),
  /** Fields changed against the previous version (empty when added). */
  fields: z.array(z.string()),
});

export const itemDetailSchema = z
  .object({
    itemKey: z.string(),
    number: z.number().int().nullable(),
    numberText: z.string(),
    numberInferred: z.boolean(),
    key: z.boolean(),
    title: z.string(),
    measures: z.array(z.string()),
    goalsText: z.string(),
    milestones: z.array(
      milestoneSchema.extend({ status: statusSchema, quarter: z.string(), daysLeft: z.number().int() }),
    ),
    targets: z.array(targetSchema.extend({ status: statusSchema })),
    achievements: z.array(z.string()),
    units: z.array(itemUnitSchema),
    extra: z.record(z.string(), z.string()).optional(),
    section: z.string().nullable(),
    status: statusSchema,
    nextDeadline: nextDeadlineSchema.nullable(),
    findings: z.array(findingSchema),
    /** Versions of the plan in which this item was added or changed, newest first. */
    history: z.array(historyEntrySchema),
    asOf: isoDate,
  })
  .meta({ id: 'ItemDetail' });
export type ItemDetail = z.infer<typeof itemDetailSchema>;
