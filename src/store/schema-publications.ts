/**
 * Row types of the public portal's tables (政务公开, issue 5, migration 005). Same conventions as
 * schema.ts, which lists them in `Database`.
 */
import type { Bool01 } from './schema.js';

export interface PublicationsTable {
  org_id: string;
  /** "2022-06" or "2022Q2" */
  period: string;
  /** published | withdrawn */
  state: string;
  include_scoreboard: Bool01;
  /** Bumped by every publish and withdraw: the public site's cache key. */
  revision: number;
  /** The statuses of the content are as of this date. */
  as_of: string;
  /** JSON: PublicContent (domain/publication), the whitelisted view frozen when published. */
  content: string;
  /** Latest publication. */
  published_at: string;
  published_by: string;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
}

export interface PublicationEventsTable {
  org_id: string;
  id: string;
  period: string;
  /** publish | withdraw */
  action: string;
  /** The publication's revision after this event. */
  revision: number;
  at: string;
  actor: string;
  include_scoreboard: Bool01;
  /** JSON: PublicContent made public by a publish; null for a withdraw. */
  content: string | null;
}

export interface PublicSummariesTable {
  org_id: string;
  period: string;
  item_key: string;
  text: string;
  updated_at: string;
  updated_by: string;
}

/** A registry table keyed by the code (a URL carries no org): see migration 005. */
export interface ShortLinksTable {
  code: string;
  org_id: string;
  period: string;
  item_key: string;
  created_at: string;
}
