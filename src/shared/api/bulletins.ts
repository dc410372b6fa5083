import { z } from 'zod';
import { isoDate, statusCountsSchema, statusSchema } from './common.js';
import { periodSchema } from './reports.js';

/**
 * Period bulletins (通报, issue 8): generated from the period's kept snapshot as a draft, whose
 * opening paragraph and layout the office may edit, then published — kept, numbered per period,
 * and downloadable as .docx by every signed-in user. Drafts are the office's (admins') only.
 */

export const BULLETIN_STATUSES = ['draft', 'published'] as const;
export const bulletinStatusSchema = z.enum(BULLETIN_STATUSES);

const cellSchema = z.object({
  text: z.string(),
  rowSpan: z.number().int().optional(),
  tone: statusSchema.optional(),
});

export const bulletinBlockSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('heading'), text: z.string() }),
  z.object({ kind: z.literal('subheading'), text: z.string() }),
  z.object({ kind: z.literal('paragraph'), text: z.string() }),
  z.object({
    kind: z.literal('table'),
    caption: z.string(),
    table: z.object({
      id: z.enum(['lateByUnit', 'scoreboard', 'lateReports']),
      columns: z.array(z.object({ title: z.string(), width: z.number() })),
      rows: z.array(z.array(cellSchema)),
    }),
  }),
  z.object({ kind: z.literal('chart'), chart: z.enum(['trend', 'byUnit']), caption: z.string() }),
]);

export const bulletinSectionSchema = z.object({
  key: z.string(),
  heading: z.string(),
  blocks: z.array(bulletinBlockSchema),
});

export const bulletinSummarySchema = z
  .object({
    id: z.string(),
    period: periodSchema,
    /** "2022年6月" in the bulletin's language. */
    periodLabel: z.string(),
    title: z.string(),
    status: bulletinStatusSchema,
    /** 1, 2, … per period once published (a corrected bulletin is published again); null for a draft. */
    seq: z.number().int().nullable(),
    /** The statuses are as of this day: the period's due date. */
    asOf: isoDate,
    /** The opening paragraph the document prints (the office's, else the default). */
    opening: z.string(),
    openingEdited: z.boolean(),
    redHead: z.boolean(),
    issuer: z.string().nullable(),
    counts: statusCountsSchema,
    createdAt: z.string(),
    createdBy: z.string(),
    updatedAt: z.string(),
    updatedBy: z.string(),
    publishedAt: z.string().nullable(),
    publishedBy: z.string().nullable(),
  })
  .meta({ id: 'BulletinSummary' });
export type BulletinSummaryDto = z.infer<typeof bulletinSummarySchema>;

export const bulletinsSchema = z.object({
  bulletins: z.array(bulletinSummarySchema),
  /** The caller may generate, edit and publish (the office). */
  canEdit: z.boolean(),
});
export type BulletinsDto = z.infer<typeof bulletinsSchema>;

const countsByStatus = {
  red: z.number().int(),
  yellow: z.number().int(),
  green: z.number().int(),
  done: z.number().int(),
};

/** The figures the bulletin's charts are drawn from (src/shared/charts/ draws them, here and in the .docx). */
export const bulletinChartsSchema = z.object({
  trend: z.array(z.object({ period: periodSchema, label: z.string(), counts: statusCountsSchema })),
  byUnit: z.array(z.object({ unitId: z.string().nullable(), name: z.string(), ...countsByStatus })),
});

export const bulletinDetailSchema = bulletinSummarySchema
  .extend({
    masthead: z.string(),
    defaultOpening: z.string(),
    sections: z.array(bulletinSectionSchema),
    charts: bulletinChartsSchema,
  })
  .meta({ id: 'Bulletin' });
export type BulletinDetailDto = z.infer<typeof bulletinDetailSchema>;

const opening = z.string().max(4000).nullable();
const issuer = z.string().trim().max(100).nullable();

/** POST /api/bulletins: the period's draft (made, or the existing one), optionally refreshed. */
export const createBulletinBodySchema = z.object({
  period: periodSchema,
  opening: opening.optional(),
  redHead: z.boolean().optional(),
  issuer: issuer.optional(),
  /**
   * Compute the content again from the period's snapshot and the reports approved since. Without
   * it the period's draft keeps its content, and a new draft starts from the period's latest
   * published content: the same period gives the same bulletin.
   */
  refresh: z.boolean().optional(),
});
export type CreateBulletinBody = z.infer<typeof createBulletinBodySchema>;

/** PATCH /api/bulletins/:id: a draft's opening (null: back to the default) and layout. */
export const patchBulletinBodySchema = z.object({
  opening: opening.optional(),
  redHead: z.boolean().optional(),
  issuer: issuer.optional(),
});
export type PatchBulletinBody = z.infer<typeof patchBulletinBodySchema>;

export const bulletinParamsSchema = z.object({ id: z.uuid() });
