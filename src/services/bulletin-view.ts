import type { BulletinDetailDto, BulletinSummaryDto } from '../shared/api/bulletins.js';
import type { BulletinRecord } from '../store/bulletins.repository.js';

/** Bulletins as the HTTP contract shows them. */

export function toBulletinSummary(b: BulletinRecord): BulletinSummaryDto {
  const c = b.content;
  return {
    id: b.id,
    period: b.period,
    periodLabel: c.periodLabel,
    title: c.title,
    status: b.status,
    seq: b.seq,
    asOf: c.asOf,
    opening: effectiveOpening(b),
    openingEdited: b.opening !== null && b.opening.trim() !== '',
    redHead: b.redHead,
    issuer: b.issuer,
    counts: c.figures.items,
    createdAt: b.createdAt,
    createdBy: b.createdBy,
    updatedAt: b.updatedAt,
    updatedBy: b.updatedBy,
    publishedAt: b.publishedAt,
    publishedBy: b.publishedBy,
  };
}

export function toBulletinDetail(b: BulletinRecord): BulletinDetailDto {
  return {
    ...toBulletinSummary(b),
    masthead: b.content.masthead,
    defaultOpening: b.content.defaultOpening,
    sections: b.content.sections,
    charts: b.content.charts,
  };
}

/** The office's opening when it wrote one, else the content's default. */
export function effectiveOpening(b: Pick<BulletinRecord, 'opening' | 'content'>): string {
  return b.opening !== null && b.opening.trim() !== '' ? b.opening.trim() : b.content.defaultOpening;
}
