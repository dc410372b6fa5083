import { z } from 'zod';
import { isoDate, optionalParam, statusCountsSchema, statusSchema, unitRefSchema } from './common.js';
import { periodSchema } from './reports.js';

/**
 * Status snapshots per period (trend, what changed) and the scoreboard (晾晒), issue 7.
 * Periods are the org's: 2022-06 (monthly) or 2022Q2 (quarterly); each is read as of its due date.
 */

export const cadenceSchema = z.enum(['monthly', 'quarterly']);

/** GET /dashboard/trend and GET /scoreboard/history: a range of periods (defaults: the last year up to today's). */
export const periodRangeQuerySchema = z.object({
  from: optionalParam(periodSchema),
  to: optionalParam(periodSchema),
  /** When `to` is not given: the period holding this date (default today). */
  asOf: optionalParam(isoDate),
});
export type PeriodRangeQuery = z.output<typeof periodRangeQuerySchema>;

export const trendSchema = z.object({
  cadence: cadenceSchema,
  dueDay: z.number().int(),
  periods: z.array(
    z.object({
      period: periodSchema,
      /** The period's due date; today for a period whose due date has not passed yet. */
      asOf: isoDate,
      counts: statusCountsSchema,
      /** Not yet kept: the due date has not passed, the counts may still change. */
      provisional: z.boolean(),
    }),
  ),
});
export type TrendDto = z.infer<typeof trendSchema>;

export const snapshotParamsSchema = z.object({ period: periodSchema });

export const statusChangeSchema = z.object({
  itemKey: z.string(),
  number: z.number().int().nullable(),
  title: z.string(),
  /** null: the item is new this period. */
  from: statusSchema.nullable(),
  /** null: the item was removed this period. */
  to: statusSchema.nullable(),
});
export type StatusChangeDto = z.infer<typeof statusChangeSchema>;

/** GET /snapshots/:period/changes: what changed since the period before (for the bulletin). */
export const snapshotChangesSchema = z.object({
  period: periodSchema,
  asOf: isoDate,
  provisional: z.boolean(),
  counts: statusCountsSchema,
  /** The period before, the changes are counted from. */
  previous: z.object({
    period: periodSchema,
    asOf: isoDate,
    provisional: z.boolean(),
    counts: statusCountsSchema,
  }),
  becameRed: z.array(statusChangeSchema),
  recovered: z.array(statusChangeSchema),
  done: z.array(statusChangeSchema),
  reopened: z.array(statusChangeSchema),
  new: z.array(statusChangeSchema),
  removed: z.array(statusChangeSchema),
});
export type SnapshotChangesDto = z.infer<typeof snapshotChangesSchema>;

/** The formula's weights (the page explains the formula from these very numbers). */
export const scoreWeightsSchema = z.object({
  done: z.number(),
  onTime: z.number(),
  reports: z.number(),
  returnedPenalty: z.number(),
});
export type ScoreWeights = z.infer<typeof scoreWeightsSchema>;

const rate = z.number().nullable();

export const scoreRowSchema = z.object({
  rank: z.number().int(),
  /** Rank on the scoreboard of the period before; null when the unit was not on it. */
  previousRank: z.number().int().nullable(),
  unit: unitRefSchema,
  /** 0–100, one decimal; null when nothing was due yet. */
  score: z.number().nullable(),
  /** 0–1 each; null when there was nothing to measure. */
  rates: z.object({ done: rate, onTime: rate, reports: rate, returned: rate }),
  /** Items the unit leads, and those by status. */
  items: statusCountsSchema,
  milestones: z.object({
    due: z.number().int(),
    dueDone: z.number().int(),
    dueOrDone: z.number().int(),
    onTime: z.number().int(),
    late: z.number().int(),
  }),
  reports: z.object({
    due: z.number().int(),
    onTime: z.number().int(),
    submitted: z.number().int(),
    returned: z.number().int(),
  }),
});
export type ScoreRowDto = z.infer<typeof scoreRowSchema>;

export const scoreboardSchema = z.object({
  asOf: isoDate,
  /** The period holding asOf. */
  period: periodSchema,
  /** The scoreboard previousRank is taken from: the last period due before asOf. */
  previous: z.object({ period: periodSchema, asOf: isoDate }).nullable(),
  cadence: cadenceSchema,
  dueDay: z.number().int(),
  /** First period reports are owed for (the earliest reported one); null until anyone reports. */
  reportingFrom: periodSchema.nullable(),
  weights: scoreWeightsSchema,
  rows: z.array(scoreRowSchema),
});
export type ScoreboardDto = z.infer<typeof scoreboardSchema>;

export const scoreboardHistorySchema = z.object({
  cadence: cadenceSchema,
  dueDay: z.number().int(),
  weights: scoreWeightsSchema,
  periods: z.array(
    z.object({
      period: periodSchema,
      asOf: isoDate,
      provisional: z.boolean(),
      rows: z.array(scoreRowSchema),
    }),
  ),
});
export type ScoreboardHistoryDto = z.infer<typeof scoreboardHistorySchema>;
