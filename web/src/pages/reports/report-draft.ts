/**
 * The report form's editable model and its three-way merge. Pure (no React, no DOM) so the
 * rules that keep nobody's work lost are tested on their own (test/web/report-draft.test.ts).
 *
 * The form edits a Draft (strings where the user types, so a half-typed "1." survives);
 * `contentOf` turns it into what the API stores, entries the user left untouched being null
 * ("not reported"). After a 409, `mergeDrafts` re-applies the user's edits on top of the latest
 * version: a slot only the user changed keeps the user's entry, a slot only the other person
 * changed takes theirs, and a slot both changed differently keeps the user's and is listed as a
 * conflict, with the other version shown beside it.
 */
import type { ReportContent } from '../../../../src/shared/api/reports.js';

export type MilestoneState = 'done' | 'in_progress' | 'at_risk';
export const MILESTONE_STATES: readonly MilestoneState[] = ['done', 'in_progress', 'at_risk'];

export interface MilestoneDraft {
  state: MilestoneState | null;
  doneOn: string;
  percent: number | null;
  reason: string;
}

export interface TargetDraft {
  actual: string;
  unit: string;
  reportedOn: string;
}

export interface AchievementDraft {
  /** null: not reported; false: not yet reached. */
  reached: boolean | null;
  reachedOn: string;
  evidence: string;
}

export interface Draft {
  milestones: MilestoneDraft[];
  targets: TargetDraft[];
  achievements: AchievementDraft[];
  narrative: string;
}

/** What the item lists (entries are by position), and the unit a target's value starts in. */
export interface ItemShape {
  milestones: number;
  targets: readonly { unit: string; value: number | null }[];
  achievements: number;
}

type MilestoneEntry = ReportContent['milestones'][number];
type TargetEntry = ReportContent['targets'][number];
type AchievementEntry = ReportContent['achievements'][number];
export type SlotList = 'milestones' | 'targets' | 'achievements';
/** `milestones.0`, `targets.1`, `achievements.0` or `narrative`. */
export type Slot = `${SlotList}.${number}` | 'narrative';

/** The unit a reporter most likely types a target's value in: 15亿元 is typed in 亿元, not 元. */
export function defaultUnit(target: { unit: string; value: number | null }): string {
  if (target.unit !== '元' || target.value === null) return target.unit;
  const abs = Math.abs(target.value);
  return abs >= 1e8 ? '亿元' : abs >= 1e4 ? '万元' : '元';
}

function milestoneDraft(e: MilestoneEntry | undefined): MilestoneDraft {
  return {
    state: e?.state ?? null,
    doneOn: e?.doneOn ?? '',
    percent: e?.percent ?? null,
    reason: e?.reason ?? '',
  };
}

function targetDraft(e: TargetEntry | undefined, target: ItemShape['targets'][number]): TargetDraft {
  if (!e) return { actual: '', unit: defaultUnit(target), reportedOn: '' };
  return { actual: String(e.actual), unit: e.unit, reportedOn: e.reportedOn };
}

function achievementDraft(e: AchievementEntry | undefined): AchievementDraft {
  return { reached: e?.reached ?? null, reachedOn: e?.reachedOn ?? '', evidence: e?.evidence ?? '' };
}

/** The form's model of stored content (null: a report not written yet), one entry per item slot. */
export function draftOf(content: ReportContent | null, item: ItemShape): Draft {
  return {
    milestones: Array.from({ length: item.milestones }, (_, i) =>
      milestoneDraft(content?.milestones[i] ?? undefined),
    ),
    targets: item.targets.map((tg, i) => targetDraft(content?.targets[i] ?? undefined, tg)),
    achievements: Array.from({ length: item.achievements }, (_, i) =>
      achievementDraft(content?.achievements[i] ?? undefined),
    ),
    narrative: content?.narrative ?? '',
  };
}

function milestoneEntry(d: MilestoneDraft): MilestoneEntry {
  switch (d.state) {
    case null:
      return null;
    case 'done':
      return { state: 'done', doneOn: d.doneOn || null };
    case 'in_progress':
      return { state: 'in_progress', percent: d.percent };
    case 'at_risk':
      return { state: 'at_risk', reason: d.reason };
  }
}

function targetEntry(d: TargetDraft, today: string): TargetEntry {
  const actual = d.actual.trim();
  if (actual === '') return null;
  return { actual, unit: d.unit.trim(), reportedOn: d.reportedOn || today };
}

function achievementEntry(d: AchievementDraft): AchievementEntry {
  if (d.reached === null) return null;
  if (!d.reached) return { reached: false };
  return { reached: true, reachedOn: d.reachedOn || null, evidence: d.evidence };
}

/** What the API stores; `today` dates a target's figure the user did not date. */
export function contentOf(d: Draft, today: string): ReportContent {
  return {
    milestones: d.milestones.map(milestoneEntry),
    targets: d.targets.map((t) => targetEntry(t, today)),
    achievements: d.achievements.map(achievementEntry),
    narrative: d.narrative,
  };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Every slot of a report, in the form's order. */
export function slotsOf(d: Draft): Slot[] {
  return [
    ...d.milestones.map((_, i): Slot => `milestones.${i}`),
    ...d.targets.map((_, i): Slot => `targets.${i}`),
    ...d.achievements.map((_, i): Slot => `achievements.${i}`),
    'narrative',
  ];
}

/** One slot's stored entry (null when not reported). */
export function entryAt(c: ReportContent | null, slot: Slot): unknown {
  if (!c) return slot === 'narrative' ? '' : null;
  if (slot === 'narrative') return c.narrative;
  const [list, index] = slot.split('.') as [SlotList, string];
  return c[list][Number(index)] ?? null;
}

/** Has the user changed anything since `base` (the version the form was loaded from)? */
export function isDirty(d: Draft, base: ReportContent | null, today: string): boolean {
  const mine = contentOf(d, today);
  return slotsOf(d).some((s) => !same(entryAt(mine, s), entryAt(base, s)));
}

export interface Conflict {
  slot: Slot;
  /** The other person's entry, as stored (null: they cleared it). */
  theirs: unknown;
}

/**
 * The user's draft carried over onto `theirs` (the latest stored version). `base` is the version
 * the user started from (null when the report did not exist yet).
 */
export function mergeDrafts(
  base: ReportContent | null,
  mine: Draft,
  theirs: ReportContent,
  item: ItemShape,
  today: string,
): { draft: Draft; conflicts: Conflict[] } {
  const latest = draftOf(theirs, item);
  const mineContent = contentOf(mine, today);
  const draft: Draft = {
    milestones: [...latest.milestones],
    targets: [...latest.targets],
    achievements: [...latest.achievements],
    narrative: latest.narrative,
  };
  const conflicts: Conflict[] = [];
  for (const slot of slotsOf(mine)) {
    const m = entryAt(mineContent, slot);
    const b = entryAt(base, slot);
    const t = entryAt(theirs, slot);
    if (same(m, b)) continue; // untouched by the user: theirs stands
    if (!same(t, b) && !same(t, m)) conflicts.push({ slot, theirs: t });
    takeMine(draft, mine, slot);
  }
  return { draft, conflicts };
}

function takeMine(draft: Draft, mine: Draft, slot: Slot): void {
  if (slot === 'narrative') {
    draft.narrative = mine.narrative;
    return;
  }
  const [list, index] = slot.split('.') as [SlotList, string];
  const i = Number(index);
  if (list === 'milestones') draft.milestones[i] = mine.milestones[i]!;
  else if (list === 'targets') draft.targets[i] = mine.targets[i]!;
  else draft.achievements[i] = mine.achievements[i]!;
}

/** Replace one slot of the draft with the other person's entry (the user chose theirs). */
export function takeTheirs(d: Draft, theirs: ReportContent, item: ItemShape, slot: Slot): Draft {
  const latest = draftOf(theirs, item);
  const next: Draft = {
    milestones: [...d.milestones],
    targets: [...d.targets],
    achievements: [...d.achievements],
    narrative: d.narrative,
  };
  takeMine(next, latest, slot);
  return next;
}

/** The slot a server validation field (`milestones.0.reason`) belongs to, if any. */
export function slotOfField(field: string | undefined): Slot | null {
  if (!field) return null;
  if (field === 'narrative') return 'narrative';
  const m = /^(milestones|targets|achievements)\.(\d+)/.exec(field);
  return m ? (`${m[1]}.${m[2]}` as Slot) : null;
}
