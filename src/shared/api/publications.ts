import { z } from 'zod';
import { isoDate, optionalParam, statusCountsSchema, statusSchema } from './common.js';
import { periodSchema } from './reports.js';

/**
 * The public portal (政务公开, issue 5), office side: the office (admins only) publishes a
 * period's whitelisted public view with one action, withdraws or republishes it, writes each
 * item's public summary, and reads the history of what was public when. The public site itself
 * (/public/…) is HTML, not part of this API.
 */

export const PUBLICATION_STATES = ['published', 'withdrawn'] as const;
export const publicationStateSchema = z.enum(PUBLICATION_STATES);

const targetOp = z.enum(['>=', '<=', '=']);

/** The public view of a period, frozen when published (domain/publication PublicContent). */
export const publicContentSchema = z
  .object({
    version: z.literal(1),
    org: z.string(),
    planTitle: z.string().nullable(),
    period: periodSchema,
    asOf: isoDate,
    counts: statusCountsSchema,
    items: z.array(
      z.object({
        ref: z.string(),
        itemKey: z.string(),
        number: z.number().int().nullable(),
        numberText: z.string(),
        key: z.boolean(),
        title: z.string(),
        section: z.string().nullable(),
        status: statusSchema,
        lead: z.string().nullable(),
        co: z.array(z.string()),
        milestones: z.array(
          z.object({ deadline: isoDate, text: z.string(), status: statusSchema, late: z.boolean() }),
        ),
        targets: z.array(
          z.object({
            metric: z.string(),
            text: z.string(),
            op: targetOp,
            value: z.number().nullable(),
            unit: z.string(),
            deadline: isoDate.nullable(),
            status: statusSchema,
            actual: z.number().nullable(),
          }),
        ),
        achievements: z.array(z.object({ text: z.string(), status: statusSchema, late: z.boolean() })),
        summary: z.string().nullable(),
        shortCode: z.string(),
      }),
    ),
    scoreboard: z
      .array(
        z.object({
          rank: z.number().int(),
          unit: z.string(),
          score: z.number().nullable(),
          done: z.number().nullable(),
          onTime: z.number().nullable(),
          reports: z.number().nullable(),
        }),
      )
      .nullable(),
    bulletins: z.array(
      z.object({ id: z.string(), seq: z.number().int(), title: z.string(), publishedOn: isoDate }),
    ),
  })
  .meta({ id: 'PublicContent' });
export type PublicContentDto = z.infer<typeof publicContentSchema>;

export const publicationSummarySchema = z
  .object({
    period: periodSchema,
    /** "2022年6月" in the caller's language. */
    periodLabel: z.string(),
    state: publicationStateSchema,
    /** Bumped by every publish and withdraw. */
    revision: z.number().int(),
    includeScoreboard: z.boolean(),
    /** The published statuses are as of this date. */
    asOf: isoDate,
    counts: statusCountsSchema,
    publishedAt: z.string(),
    publishedBy: z.string(),
    withdrawnAt: z.string().nullable(),
    withdrawnBy: z.string().nullable(),
    /** The period's page on the public site (absent from it while withdrawn). */
    publicPath: z.string(),
  })
  .meta({ id: 'PublicationSummary' });
export type PublicationSummaryDto = z.infer<typeof publicationSummarySchema>;

export const publicationsSchema = z.object({
  publications: z.array(publicationSummarySchema),
  /** Periods that may be published (from the plan's start to today's), newest first. */
  periods: z.array(z.object({ period: periodSchema, label: z.string() })),
  /** The org's public index page. */
  publicPath: z.string(),
});
export type PublicationsDto = z.infer<typeof publicationsSchema>;

export const publicationPeriodParamsSchema = z.object({ period: periodSchema });

/** GET /api/publications/:period: what publishing it would show, with the summaries to edit. */
export const publicationPeriodSchema = z.object({
  period: periodSchema,
  periodLabel: z.string(),
  /** The statuses a publication now would show are as of this date. */
  asOf: isoDate,
  publication: publicationSummarySchema.nullable(),
  items: z.array(
    z.object({
      itemKey: z.string(),
      number: z.number().int().nullable(),
      title: z.string(),
      status: statusSchema,
      /** The summary as the office has written it (public once the period is published again). */
      summary: z.string().nullable(),
      /** The summary the public sees now; null when not published or none. */
      publishedSummary: z.string().nullable(),
    }),
  ),
});
export type PublicationPeriodDto = z.infer<typeof publicationPeriodSchema>;

export const publishBodySchema = z.object({
  /** Publish the scoreboard (晾晒) with the period. */
  includeScoreboard: z.boolean(),
});
export type PublishBody = z.infer<typeof publishBodySchema>;

export const PUBLIC_SUMMARY_MAX = 2000;
export const publicSummaryParamsSchema = z.object({
  period: periodSchema,
  itemKey: z.string().min(1).max(100),
});
/** An empty text removes the summary. */
export const publicSummaryBodySchema = z.object({ text: z.string().max(PUBLIC_SUMMARY_MAX) });
export type PublicSummaryBody = z.infer<typeof publicSummaryBodySchema>;
export const publicSummarySchema = z.object({
  period: periodSchema,
  itemKey: z.string(),
  summary: z.string().nullable(),
});
export type PublicSummaryDto = z.infer<typeof publicSummarySchema>;

export const publicationEventSchema = z
  .object({
    id: z.string(),
    period: periodSchema,
    periodLabel: z.string(),
    action: z.enum(['publish', 'withdraw']),
    revision: z.number().int(),
    at: z.string(),
    actor: z.string(),
    includeScoreboard: z.boolean(),
  })
  .meta({ id: 'PublicationEvent' });
export type PublicationEventDto = z.infer<typeof publicationEventSchema>;

export const publicationHistoryQuerySchema = z.object({ period: optionalParam(periodSchema) });
export const publicationHistorySchema = z.object({ events: z.array(publicationEventSchema) });
export type PublicationHistoryDto = z.infer<typeof publicationHistorySchema>;

export const publicAtQuerySchema = z.object({ at: z.iso.datetime({ offset: true }) });
/** GET /api/publications/public-at: what the public site showed at an instant. */
export const publicAtSchema = z.object({
  at: z.string(),
  periods: z.array(
    z.object({
      period: periodSchema,
      revision: z.number().int(),
      publishedAt: z.string(),
      content: publicContentSchema,
    }),
  ),
});
export type PublicAtDto = z.infer<typeof publicAtSchema>;
