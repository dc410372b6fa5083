import type { Rag } from '../status/status.js';
import type { TargetOp } from '../plan.js';

/**
 * The public view of one period (政务公开, issue 5): what the office publishes for citizens,
 * frozen when published. It is a whitelist — every field is listed here and built one by one in
 * build-public-content.ts — so nothing the office has not published (report text, drafts,
 * evidence, people, review comments, audit data) can reach the public site by being "also there".
 */

export const PUBLIC_CONTENT_VERSION = 1;

export interface PublicCounts {
  red: number;
  yellow: number;
  green: number;
  done: number;
  total: number;
}

export interface PublicMilestone {
  deadline: string;
  /** The plan's own words (the plan is a public document). */
  text: string;
  status: Rag;
  /** Done, but after its deadline. */
  late: boolean;
}

export interface PublicTarget {
  metric: string;
  text: string;
  op: TargetOp;
  /** In the target's base unit; null when the plan left it blank. */
  value: number | null;
  unit: string;
  deadline: string | null;
  status: Rag;
  /** The latest approved actual known on the publication's as-of date, in the target's unit. */
  actual: number | null;
}

export interface PublicAchievement {
  text: string;
  status: Rag;
  late: boolean;
}

export interface PublicItem {
  /** The item's address on the public site: its number, or its key when it has none. */
  ref: string;
  itemKey: string;
  number: number | null;
  numberText: string;
  key: boolean;
  title: string;
  section: string | null;
  status: Rag;
  /** Unit names are public: they are printed in the plan. */
  lead: string | null;
  co: string[];
  milestones: PublicMilestone[];
  targets: PublicTarget[];
  achievements: PublicAchievement[];
  /** The office's public summary for this period; null when it wrote none. */
  summary: string | null;
  /** The item's short link code (/s/:code). */
  shortCode: string;
}

export interface PublicScoreRow {
  rank: number;
  unit: string;
  /** 0–100; null when nothing was due yet. */
  score: number | null;
  /** 0–1 each; null when there was nothing to measure. */
  done: number | null;
  onTime: number | null;
  reports: number | null;
}

export interface PublicBulletin {
  id: string;
  seq: number;
  title: string;
  publishedOn: string;
}

export interface PublicContent {
  version: typeof PUBLIC_CONTENT_VERSION;
  org: string;
  planTitle: string | null;
  period: string;
  /** The statuses are as of this date. */
  asOf: string;
  counts: PublicCounts;
  items: PublicItem[];
  /** null: the office did not publish the scoreboard with this period. */
  scoreboard: PublicScoreRow[] | null;
  /** The period's published bulletins (通报) at the time of publication. */
  bulletins: PublicBulletin[];
}
