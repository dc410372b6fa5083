/**
 * The report form's copy on this device: what the user typed and has not saved yet, kept in
 * localStorage while they type so that a dropped connection, a closed tab or a phone that
 * reloads the page loses nothing. Pure apart from the Storage it is handed (tested on its own,
 * test/web/local-draft.test.ts).
 *
 * One copy per organisation, user, item and period. It remembers the report revision the typing
 * started from (and that revision's content): restored onto the same revision it simply comes
 * back; onto a newer one (a colleague saved, or the autosave got through before the page died)
 * it is merged like a 409 — the user's changes carried over, differing slots shown side by side.
 */
import type { ReportContent } from '../../../../src/shared/api/reports.js';
import { isDirty, mergeDrafts, type Conflict, type Draft, type ItemShape } from './report-draft.js';

export interface LocalDraft {
  v: 1;
  /** The revision the typing started from; null when the report did not exist yet. */
  baseRevision: number | null;
  baseContent: ReportContent | null;
  draft: Draft;
  /** When it was last written (ISO). */
  savedAt: string;
}

/** What the module needs of localStorage (a Map-backed fake in the tests). */
export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PREFIX = 'reform-ledger.draft.v1';

export function localDraftKey(
  owner: { orgId: string; userId: string },
  itemKey: string,
  period: string,
): string {
  return [PREFIX, owner.orgId, owner.userId, itemKey, period].map(encodeURIComponent).join('|');
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isString = (v: unknown): v is string => typeof v === 'string';

function isMilestone(v: unknown): boolean {
  return (
    isObject(v) &&
    (v.state === null || v.state === 'done' || v.state === 'in_progress' || v.state === 'at_risk') &&
    isString(v.doneOn) &&
    (v.percent === null || typeof v.percent === 'number') &&
    isString(v.reason)
  );
}

function isTarget(v: unknown): boolean {
  return isObject(v) && isString(v.actual) && isString(v.unit) && isString(v.reportedOn);
}

function isAchievement(v: unknown): boolean {
  return (
    isObject(v) &&
    (v.reached === null || typeof v.reached === 'boolean') &&
    isString(v.reachedOn) &&
    isString(v.evidence)
  );
}

/**
 * A draft of this item's shape (entries are by position): a copy made before the plan was
 * re-imported with other milestones would land on the wrong ones, so it does not fit.
 */
export function fitsShape(d: unknown, shape: ItemShape): d is Draft {
  if (!isObject(d) || !isString(d.narrative)) return false;
  const { milestones, targets, achievements } = d;
  return (
    Array.isArray(milestones) &&
    milestones.length === shape.milestones &&
    milestones.every(isMilestone) &&
    Array.isArray(targets) &&
    targets.length === shape.targets.length &&
    targets.every(isTarget) &&
    Array.isArray(achievements) &&
    achievements.length === shape.achievements &&
    achievements.every(isAchievement)
  );
}

/** The stored copy, or null when there is none or it is unreadable or of another shape (then dropped). */
export function readLocalDraft(
  storage: DraftStorage | null,
  key: string,
  shape: ItemShape,
): LocalDraft | null {
  if (!storage) return null;
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const v = JSON.parse(raw) as unknown;
    if (
      isObject(v) &&
      v.v === 1 &&
      (v.baseRevision === null || typeof v.baseRevision === 'number') &&
      (v.baseContent === null || isObject(v.baseContent)) &&
      isString(v.savedAt) &&
      fitsShape(v.draft, shape)
    ) {
      return v as unknown as LocalDraft;
    }
  } catch {
    // not JSON: dropped below
  }
  removeLocalDraft(storage, key);
  return null;
}

/** False when it could not be kept (no storage, quota exceeded): the page then warns before leaving. */
export function writeLocalDraft(storage: DraftStorage | null, key: string, value: LocalDraft): boolean {
  if (!storage) return false;
  try {
    storage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function removeLocalDraft(storage: DraftStorage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // nothing to do: it goes when the storage does
  }
}

/** Is the copy worth offering: does it say anything the report on the server does not? */
export function differsFromServer(local: LocalDraft, server: ReportContent | null, today: string): boolean {
  return isDirty(local.draft, server, today);
}

export interface Restored {
  draft: Draft;
  conflicts: Conflict[];
  /** True when the report moved on since the copy was made and the copy was merged onto it. */
  merged: boolean;
}

/** The copy back in the form, on top of the report as it is now (null: none on the server). */
export function restoreLocalDraft(
  local: LocalDraft,
  current: { content: ReportContent; revision: number } | null,
  shape: ItemShape,
  today: string,
): Restored {
  if (current === null || current.revision === local.baseRevision) {
    return { draft: local.draft, conflicts: [], merged: false };
  }
  const { draft, conflicts } = mergeDrafts(local.baseContent, local.draft, current.content, shape, today);
  return { draft, conflicts, merged: true };
}
