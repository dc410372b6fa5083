import { z } from 'zod';
import { isoDate, optionalParam, statusCountsSchema, statusSchema } from './common.js';
import { itemSummarySchema } from './items.js';
import { orgIdSchema, orgRefSchema, orgTypeSchema } from './orgs.js';
import { periodSchema } from './reports.js';

/**
 * Roll-up views for a city or the province (issue 9): the orgs below one org side by side, the
 * ranking of counties (赛马), reforms with the same theme across counties, search and export across
 * orgs. docs/organisations.md and docs/api.md describe them.
 *
 * Every number of an org is the one its own pages show: `items` equals its GET /api/dashboard
 * `counts`, and is computed by the same status engine on the same ledger, as of the same date.
 * A subtree's figures are the sums of its orgs' own figures, nothing else; the totals of a
 * roll-up are the sums over every org below the one asked for.
 *
 * Access: `org` (default: the caller's own org) must be one the caller may read (own org, or an
 * org below it with the read-below grant), else 404. Only orgs the caller may read appear in any
 * answer: without the grant (admins have it implicitly) that is the caller's own org alone — a
 * roll-up with no rows, a search of the own plan. Drill-down: a row's org id goes into `?org=` of the org's own pages (GET /api/dashboard,
 * /api/items, /api/items/:number …).
 *
 * Zod only, shared with the web app.
 */

/** Default warning window etc. are each org's own; only the as-of date is common. */
const rate = z.number().min(0).max(1).nullable().describe('0–1; null when there is nothing to measure');

/** An org's (or a subtree's) figures as of a date. */
export const rollupFiguresSchema = z
  .object({
    /** Orgs counted (1 for an org's own figures; the orgs of a subtree with a current plan or not). */
    orgs: z.number().int(),
    /** Orgs counted that have a current plan. */
    withPlan: z.number().int(),
    /** Items by status: for one org, exactly its dashboard's `counts`. */
    items: statusCountsSchema,
    /** Key items (带*) by status. */
    keyItems: statusCountsSchema,
    milestones: z.object({
      /** Milestones due as of the date (deadline before it, or done with a deadline on it). */
      due: z.number().int(),
      /** Due milestones that are done. */
      dueDone: z.number().int(),
      /** Milestones due or done: the on-time rate's denominator. */
      dueOrDone: z.number().int(),
      /** Milestones done on or before their deadline. */
      onTime: z.number().int(),
    }),
    /** Progress reports owed and made, as the scoreboard counts them (all items, not per unit). */
    reports: z.object({
      /** Reports owed whose due date has passed. */
      due: z.number().int(),
      /** Of those, submitted on time and not returned. */
      onTime: z.number().int(),
      /** Submissions made (a returned and resubmitted report counts twice). */
      submitted: z.number().int(),
      /** Submissions returned by the office. */
      returned: z.number().int(),
    }),
    /** milestones.dueDone ÷ milestones.due, reports.onTime ÷ reports.due, and so on. */
    rates: z.object({ done: rate, onTime: rate, reports: rate, returned: rate }),
    /** The most recently approved report (as of the date); null when none. */
    lastApproved: z
      .object({
        /** The org the report belongs to (in a subtree: the org where the latest one was approved). */
        org: orgRefSchema,
        period: periodSchema,
        itemKey: z.string(),
        itemNumber: z.number().int().nullable(),
        itemTitle: z.string(),
        /** ISO timestamp of the approval. */
        approvedAt: z.string(),
      })
      .nullable(),
  })
  .meta({ id: 'RollupFigures' });
export type RollupFiguresDto = z.infer<typeof rollupFiguresSchema>;

/** The ranking formula's weights: the scoreboard's (docs/scoring.md), applied to a whole org. */
export const rollupWeightsSchema = z.object({
  done: z.number(),
  onTime: z.number(),
  reports: z.number(),
  returnedPenalty: z.number(),
});

export const rollupRowSchema = z
  .object({
    org: orgRefSchema,
    parentId: z.string().nullable(),
    /** 1 for a child of the org asked for, 2 for a grandchild … */
    depth: z.number().int().min(1),
    plan: z
      .object({ title: z.string(), year: z.number().int().nullable(), version: z.number().int() })
      .nullable(),
    /** The org's own figures (its own plan only): equal to what its dashboard shows. */
    own: rollupFiguresSchema,
    /** The org and every org below it, summed. Equals `own` for a county without towns. */
    subtree: rollupFiguresSchema,
    /**
     * 赛马: rank among the rows of this answer by `score` (1 = best); null when the row has no score.
     * Ties as the scoreboard breaks them: more due milestones first, then name, then id.
     */
    rank: z.number().int().nullable(),
    /** Rank as of the due date of the period before; null when the org was not ranked then. */
    previousRank: z.number().int().nullable(),
    /** 0–100, one decimal, from `subtree.rates` by the scoreboard's formula; null: nothing due yet. */
    score: z.number().nullable(),
  })
  .meta({ id: 'RollupRow' });
export type RollupRowDto = z.infer<typeof rollupRowSchema>;

/** GET /api/rollup query. */
export const rollupQuerySchema = z.object({
  /** The org whose subtree is rolled up (default: the caller's own). */
  org: optionalParam(orgIdSchema),
  asOf: optionalParam(isoDate),
  /** `children` (default): one row per direct child, each with its subtree; `descendants`: one row per org below. */
  scope: optionalParam(z.enum(['children', 'descendants'])),
  /** Only rows of this type, e.g. `scope=descendants&type=county` ranks every county of a province. */
  type: optionalParam(orgTypeSchema),
});
export type RollupQuery = z.output<typeof rollupQuerySchema>;

/** GET /api/rollup: the orgs below one org, side by side and ranked. */
export const rollupSchema = z.object({
  asOf: isoDate,
  org: orgRefSchema,
  scope: z.enum(['children', 'descendants']),
  type: orgTypeSchema.nullable(),
  /** The org asked for, its own plan only. */
  self: rollupFiguresSchema,
  /** Sum of the own figures of every org below the one asked for that the caller may read (whatever `scope`/`type` show). */
  totals: rollupFiguresSchema,
  weights: rollupWeightsSchema,
  /** Rows in rank order (unranked rows last, by name). */
  rows: z.array(rollupRowSchema),
});
export type RollupDto = z.infer<typeof rollupSchema>;

/** GET /api/rollup/themes query. */
export const rollupThemesQuerySchema = z.object({
  org: optionalParam(orgIdSchema),
  asOf: optionalParam(isoDate),
  /** Title similarity (character-bigram Dice, 0–1) from which two items share a theme; default 0.5. */
  similarity: optionalParam(z.coerce.number().min(0.2).max(1)),
  /** Only themes found in at least this many orgs (default 2). */
  minOrgs: optionalParam(z.coerce.number().int().min(1).max(1000)),
});
export type RollupThemesQuery = z.output<typeof rollupThemesQuerySchema>;

export const themeItemSchema = z.object({
  org: orgRefSchema,
  itemKey: z.string(),
  number: z.number().int().nullable(),
  title: z.string(),
  key: z.boolean(),
  status: statusSchema,
  leadUnit: z.string().nullable(),
});
export type ThemeItemDto = z.infer<typeof themeItemSchema>;

export const themeSchema = z
  .object({
    /** Stable while the member titles do not change: derived from the representative title. */
    id: z.string(),
    /** The representative title: the one most similar to the others (ties: shortest). */
    label: z.string(),
    /** Distinct orgs with an item in the theme. */
    orgCount: z.number().int(),
    /** The theme's items by status. */
    counts: statusCountsSchema,
    items: z.array(themeItemSchema),
  })
  .meta({ id: 'Theme' });
export type ThemeDto = z.infer<typeof themeSchema>;

/** GET /api/rollup/themes: items across the orgs below grouped by similar titles, biggest themes first. */
export const rollupThemesSchema = z.object({
  asOf: isoDate,
  org: orgRefSchema,
  similarity: z.number(),
  minOrgs: z.number().int(),
  themes: z.array(themeSchema),
});
export type RollupThemesDto = z.infer<typeof rollupThemesSchema>;

export const ROLLUP_MAX_PAGE_SIZE = 200;

/** GET /api/rollup/search and GET /api/rollup/export.xlsx query. */
export const rollupSearchQuerySchema = z.object({
  org: optionalParam(orgIdSchema),
  /** Text anywhere in an item (title, measures, goals, achievements, unit names), as GET /api/items `q`. */
  q: optionalParam(z.string().trim().min(1).max(100)),
  status: optionalParam(statusSchema),
  key: optionalParam(z.enum(['true', 'false']).transform((v) => v === 'true')),
  /** Only items of orgs of this type. */
  type: optionalParam(orgTypeSchema),
  /** Include the org asked for itself (default true); false: only the orgs below it. */
  self: optionalParam(z.enum(['true', 'false']).transform((v) => v === 'true')),
  asOf: optionalParam(isoDate),
  page: optionalParam(z.coerce.number().int().min(1)),
  pageSize: optionalParam(z.coerce.number().int().min(1).max(ROLLUP_MAX_PAGE_SIZE)),
});
export type RollupSearchQuery = z.output<typeof rollupSearchQuerySchema>;

export const rollupHitSchema = z
  .object({ org: orgRefSchema, item: itemSummarySchema })
  .meta({ id: 'RollupHit' });
export type RollupHitDto = z.infer<typeof rollupHitSchema>;

/** GET /api/rollup/search: matching items of every org the caller may read in the subtree, org by org in tree order. */
export const rollupSearchSchema = z.object({
  asOf: isoDate,
  org: orgRefSchema,
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Matches per org (all pages), in tree order. */
  byOrg: z.array(z.object({ org: orgRefSchema, count: z.number().int() })),
  hits: z.array(rollupHitSchema),
});
export type RollupSearchDto = z.infer<typeof rollupSearchSchema>;
