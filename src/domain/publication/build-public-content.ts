import type { Rag, StatusResult, TargetProgress } from '../status/status.js';
import type { ItemStatus } from '../status/item-status.js';
import type { TargetOp } from '../plan.js';
import {
  PUBLIC_CONTENT_VERSION,
  type PublicBulletin,
  type PublicContent,
  type PublicCounts,
  type PublicItem,
  type PublicScoreRow,
} from './types.js';

/**
 * Builds the public view of a period from the plan's items, their statuses as of the period's
 * reading date and what the office wrote for the public. Pure and explicit: every output field is
 * copied by name, so an input object that carries more (a report's narrative, evidence, a user)
 * cannot leak through a spread.
 */

export interface PublicItemInput {
  itemKey: string;
  number: number | null;
  numberText: string;
  key: boolean;
  title: string;
  section: string | null;
  lead: string | null;
  co: readonly string[];
  milestones: readonly { deadline: string; text: string }[];
  targets: readonly {
    metric: string;
    text: string;
    op: TargetOp;
    value: number | null;
    unit: string;
    deadline: string | null;
  }[];
  achievements: readonly string[];
  /** The status engine's verdict as of the publication's date. */
  rating: ItemStatus;
  /** Approved actuals by target position (progressAsOf), as of the same date. */
  targetProgress?: readonly (TargetProgress | undefined)[];
}

export interface PublicationInput {
  org: string;
  planTitle: string | null;
  period: string;
  asOf: string;
  items: readonly PublicItemInput[];
  /** The office's public summaries of the period, by item key. */
  summaries: ReadonlyMap<string, string>;
  /** Short link codes by item key. */
  shortCodes: ReadonlyMap<string, string>;
  /** null: not published with this period. */
  scoreboard:
    | readonly {
        rank: number;
        unit: string;
        score: number | null;
        rates: { done: number | null; onTime: number | null; reports: number | null };
      }[]
    | null;
  bulletins: readonly PublicBulletin[];
}

export function buildPublicContent(input: PublicationInput): PublicContent {
  const refs = itemRefs(input.items);
  const items = input.items.map((it, i) => publicItem(it, refs[i]!, input));
  return {
    version: PUBLIC_CONTENT_VERSION,
    org: input.org,
    planTitle: input.planTitle,
    period: input.period,
    asOf: input.asOf,
    counts: countItems(items.map((i) => i.status)),
    items,
    scoreboard: input.scoreboard === null ? null : input.scoreboard.map(scoreRow),
    bulletins: input.bulletins.map((b) => ({
      id: b.id,
      seq: b.seq,
      title: b.title,
      publishedOn: b.publishedOn,
    })),
  };
}

function publicItem(it: PublicItemInput, ref: string, input: PublicationInput): PublicItem {
  const { rating } = it;
  const status = (r: StatusResult | undefined): { status: Rag; late: boolean } => ({
    status: r?.status ?? 'green',
    late: r?.late ?? false,
  });
  return {
    ref,
    itemKey: it.itemKey,
    number: it.number,
    numberText: it.numberText,
    key: it.key,
    title: it.title,
    section: it.section,
    status: rating.status,
    lead: it.lead,
    co: [...it.co],
    milestones: it.milestones.map((m, i) => ({
      deadline: m.deadline,
      text: m.text,
      ...status(rating.milestones[i]),
    })),
    targets: it.targets.map((t, i) => ({
      metric: t.metric,
      text: t.text,
      op: t.op,
      value: t.value,
      unit: t.unit,
      deadline: t.deadline,
      status: rating.targets[i]?.status ?? 'green',
      actual: knownActual(it.targetProgress?.[i], input.asOf),
    })),
    achievements: it.achievements.map((text, i) => ({ text, ...status(rating.achievements[i]) })),
    summary: nonEmpty(input.summaries.get(it.itemKey)),
    shortCode: input.shortCodes.get(it.itemKey) ?? '',
  };
}

/** An actual counts only once it was reported (and approved) on or before the as-of date. */
function knownActual(p: TargetProgress | undefined, asOf: string): number | null {
  if (!p || p.actual === null || p.actual === undefined) return null;
  if (p.reportedOn && p.reportedOn > asOf) return null;
  return Number.isFinite(p.actual) ? p.actual : null;
}

function scoreRow(r: NonNullable<PublicationInput['scoreboard']>[number]): PublicScoreRow {
  return {
    rank: r.rank,
    unit: r.unit,
    score: r.score,
    done: r.rates.done,
    onTime: r.rates.onTime,
    reports: r.rates.reports,
  };
}

/** The item's number where it is unique, else its key: stable, readable addresses. */
export function itemRefs(items: readonly { number: number | null; itemKey: string }[]): string[] {
  const seen = new Map<number, number>();
  for (const it of items) if (it.number !== null) seen.set(it.number, (seen.get(it.number) ?? 0) + 1);
  return items.map((it) =>
    it.number !== null && seen.get(it.number) === 1 ? String(it.number) : it.itemKey,
  );
}

export function countItems(statuses: readonly Rag[]): PublicCounts {
  const c: PublicCounts = { red: 0, yellow: 0, green: 0, done: 0, total: 0 };
  for (const s of statuses) {
    c[s]++;
    c.total++;
  }
  return c;
}

function nonEmpty(text: string | undefined): string | null {
  const t = text?.trim();
  return t ? t : null;
}
