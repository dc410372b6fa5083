/**
 * Row types of the reporting tables (issue 7, migration 003): reports and their workflow,
 * evidence, status snapshots, notifications, the reminder outbox, and the
 * bulletins of issue 8 (migration 004). Same conventions as
 * schema.ts, which lists them in `Database`.
 */
import type { Generated } from 'kysely';
import type { Bool01 } from './schema.js';

export interface ReportsTable {
  org_id: string;
  id: string;
  /** The item's stable key: the report survives a re-import of the plan. */
  item_key: string;
  /** "2022-06" or "2022Q2" */
  period: string;
  /** draft | submitted | returned | approved */
  status: string;
  /** Bumped by every write; a write naming an older revision is refused (409). */
  revision: number;
  /** The plan version the entries were written against (entries are by position). */
  version_id: string;
  /** The lead unit that owns the report. */
  unit_id: string;
  /** JSON: ReportContent (milestones, targets, achievements, narrative) */
  content: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  /** Latest submission. */
  submitted_at: string | null;
  reviewed_at: string | null;
  reviewed_by: string | null;
  review_comment: string | null;
}

export interface ReportEventsTable {
  org_id: string;
  id: string;
  report_id: string;
  /** 1, 2, … per report. */
  seq: number;
  at: string;
  actor: string;
  /** create | save | submit | return | approve | contribute */
  action: string;
  comment: string | null;
  /** JSON: the content as submitted (submit events), else null. */
  content: string | null;
}

export interface ReportContributionsTable {
  org_id: string;
  report_id: string;
  unit_id: string;
  narrative: string;
  revision: number;
  updated_at: string;
  updated_by: string;
}

export interface EvidenceTable {
  org_id: string;
  id: string;
  report_id: string;
  /** The unit that attached it (lead or co-unit). */
  unit_id: string;
  /** Where the bytes are in the evidence store (content-addressed). */
  sha256: string;
  file_name: string;
  mime: string;
  bytes: number;
  uploaded_at: string;
  uploaded_by: string;
}

export interface StatusSnapshotsTable {
  org_id: string;
  period: string;
  as_of: string;
  taken_at: string;
  version_id: string | null;
  /** JSON: SnapshotEntry[] */
  items: string;
  /** JSON: StatusCounts */
  counts: string;
}

export interface NotificationsTable {
  org_id: string;
  id: string;
  user_id: string;
  created_at: string;
  /** Catalogue key suffix: notification.<kind> */
  kind: string;
  /** JSON: message parameters */
  params: string | null;
  /** A path of the web app to open. */
  link: string | null;
  read_at: string | null;
}

export interface ReminderOutboxTable {
  org_id: string;
  id: string;
  /** Unique per org: what makes a reminder exist once however many schedulers run. */
  dedupe_key: string;
  kind: string;
  /** in_app | webhook | email */
  channel: string;
  recipient: string;
  /** JSON: what to send */
  payload: string;
  /** pending | sent | failed */
  status: string;
  attempts: number;
  next_attempt_at: string;
  claimed_by: string | null;
  claimed_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface ReminderAttemptsTable {
  org_id: string;
  id: string;
  outbox_id: string;
  at: string;
  worker: string;
  ok: Bool01;
  detail: string | null;
}

export interface BulletinsTable {
  org_id: string;
  id: string;
  /** "2022-06" or "2022Q2" */
  period: string;
  /** draft | published */
  status: string;
  /** 1, 2, … per period once published; null for a draft. */
  seq: number | null;
  /** The opening paragraph as the office edited it; null: the content's default. */
  opening: string | null;
  /** Print the red-headed block (红头). */
  red_head: Generated<Bool01>;
  /** Left of the line under the masthead (e.g. 三门县改革办). */
  issuer: string | null;
  /** JSON: BulletinContent (domain/bulletin), fixed when generated. */
  content: string;
  /** Base64 of the published .docx; null for a draft (drawn on request). */
  docx: string | null;
  docx_sha256: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  published_at: string | null;
  published_by: string | null;
}
