import { z } from 'zod';
import { isoDate, optionalParam, statusSchema, unitRefSchema } from './common.js';

/**
 * Progress reports (进展报送, issue 7): one per item per period, written by the lead unit's
 * reporters, with co-units' contributions; draft → submitted → approved | returned → submitted …
 * Every write names the revision it was made against; a stale one is refused with 409.
 */

export const periodSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])|Q[1-4])$/, 'validation.period')
  .describe('Reporting period: 2022-06 (monthly) or 2022Q2 (quarterly)');

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export const reportStatusSchema = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof reportStatusSchema>;

export const milestoneEntrySchema = z.object({
  state: z.enum(['done', 'in_progress', 'at_risk']),
  doneOn: isoDate.nullable().optional(),
  percent: z.number().min(0).max(100).nullable().optional(),
  reason: z.string().max(2000).nullable().optional(),
});
export const targetEntrySchema = z.object({
  /** Decimal text keeps 1.5亿元 exact; a number is accepted too. */
  actual: z.union([z.number(), z.string().max(40)]),
  unit: z.string().max(20),
  reportedOn: isoDate,
});
export const achievementEntrySchema = z.object({
  reached: z.boolean(),
  reachedOn: isoDate.nullable().optional(),
  /** What shows it: a description, a link, or evidence file names. */
  evidence: z.string().max(2000).nullable().optional(),
});

/** What the lead unit writes; entries by position as the item lists them, null = not reported. */
export const reportContentSchema = z.object({
  milestones: z.array(milestoneEntrySchema.nullable()).max(200),
  targets: z.array(targetEntrySchema.nullable()).max(200),
  achievements: z.array(achievementEntrySchema.nullable()).max(200),
  narrative: z.string().max(20000),
});
export type ReportContent = z.infer<typeof reportContentSchema>;

export const evidenceSchema = z
  .object({
    id: z.string(),
    fileName: z.string(),
    mime: z.string(),
    bytes: z.number().int(),
    sha256: z.string(),
    unit: unitRefSchema,
    uploadedAt: z.string(),
    uploadedBy: z.string(),
  })
  .meta({ id: 'Evidence' });
export type EvidenceDto = z.infer<typeof evidenceSchema>;

export const reportEventSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.enum(['create', 'save', 'submit', 'return', 'approve', 'contribute']),
  comment: z.string().nullable(),
});
export type ReportEventDto = z.infer<typeof reportEventSchema>;

export const contributionSchema = z.object({
  unit: unitRefSchema,
  narrative: z.string(),
  revision: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type ContributionDto = z.infer<typeof contributionSchema>;

export const reportSchema = z
  .object({
    id: z.string(),
    itemKey: z.string(),
    itemNumber: z.number().int().nullable(),
    itemTitle: z.string(),
    period: periodSchema,
    /** The day this period's report is due (the org's due day). */
    dueDate: isoDate,
    status: reportStatusSchema,
    revision: z.number().int(),
    unit: unitRefSchema,
    content: reportContentSchema,
    contributions: z.array(contributionSchema),
    evidence: z.array(evidenceSchema),
    events: z.array(reportEventSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
    updatedBy: z.string(),
    submittedAt: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    reviewedBy: z.string().nullable(),
    reviewComment: z.string().nullable(),
    /** What the caller may do with it now. */
    can: z.object({
      edit: z.boolean(),
      submit: z.boolean(),
      review: z.boolean(),
      contribute: z.boolean(),
    }),
  })
  .meta({ id: 'Report' });
export type ReportDto = z.infer<typeof reportSchema>;

/** A report in lists (history, review queue): no content. */
export const reportSummarySchema = z.object({
  id: z.string(),
  itemKey: z.string(),
  itemNumber: z.number().int().nullable(),
  itemTitle: z.string(),
  period: periodSchema,
  dueDate: isoDate,
  status: reportStatusSchema,
  revision: z.number().int(),
  unit: unitRefSchema,
  submittedAt: z.string().nullable(),
  /** Submitted on or before its due date. */
  onTime: z.boolean().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  updatedAt: z.string(),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;

export const reportParamsSchema = z.object({ id: z.uuid() });
export const itemPeriodParamsSchema = z.object({ itemKey: z.string().min(1).max(100), period: periodSchema });
export const itemKeyParamsSchema = z.object({ itemKey: z.string().min(1).max(100) });

/** PUT /api/reports/by-item/:itemKey/:period — create (revision null) or update a draft. */
export const saveReportBodySchema = reportContentSchema.extend({
  revision: z.number().int().nullable(),
});
export type SaveReportBody = z.infer<typeof saveReportBodySchema>;

export const revisionBodySchema = z.object({ revision: z.number().int() });
export const returnBodySchema = z.object({
  revision: z.number().int(),
  comment: z.string().trim().min(1, 'validation.comment_required').max(2000),
});
export const contributionBodySchema = z.object({
  narrative: z.string().max(20000),
  /** null when the unit has not contributed yet. */
  revision: z.number().int().nullable(),
});

/**
 * Orders of GET /reports, applied to the whole filtered list before paging: `period` newest
 * period first, then the plan's order; `submitted` oldest submission first (the review queue).
 */
export const REPORT_SORTS = ['period', 'submitted'] as const;
export type ReportSort = (typeof REPORT_SORTS)[number];

export const reportsQuerySchema = z.object({
  status: optionalParam(reportStatusSchema),
  period: optionalParam(periodSchema),
  unit: optionalParam(z.string()),
  itemKey: optionalParam(z.string()),
  page: optionalParam(z.coerce.number().int().min(1)),
  pageSize: optionalParam(z.coerce.number().int().min(1).max(200)),
  sort: optionalParam(z.enum(REPORT_SORTS)),
});
export const reportsPageSchema = z.object({ reports: z.array(reportSummarySchema), total: z.number().int() });

/** 我的待办: what the signed-in reporter's unit owes this period. */
export const todoSchema = z.object({
  period: periodSchema,
  dueDate: isoDate,
  asOf: isoDate,
  items: z.array(
    z.object({
      itemKey: z.string(),
      number: z.number().int().nullable(),
      title: z.string(),
      role: z.enum(['lead', 'co']),
      itemStatus: statusSchema,
      /** This period's report, if one exists. */
      report: z.object({ id: z.string(), status: reportStatusSchema, revision: z.number().int() }).nullable(),
      /** Lead: a report to write or resubmit; co: a contribution to add. */
      needsAction: z.boolean(),
    }),
  ),
  /** Reports the office returned, any period, not yet resubmitted. */
  returned: z.array(reportSummarySchema),
});
export type TodoDto = z.infer<typeof todoSchema>;

/** An item's reports, newest period first, with target actuals over time for the chart. */
export const itemReportsSchema = z.object({
  itemKey: z.string(),
  reports: z.array(reportSummarySchema),
  targets: z.array(
    z.object({
      position: z.number().int(),
      metric: z.string(),
      op: z.string(),
      value: z.number().nullable(),
      unit: z.string(),
      deadline: isoDate.nullable(),
      /** Approved actuals in the target's unit, oldest first. */
      actuals: z.array(z.object({ period: periodSchema, reportedOn: isoDate, value: z.number() })),
    }),
  ),
});
export type ItemReportsDto = z.infer<typeof itemReportsSchema>;
