/**
 * Response and request shapes of the HTTP API, written from docs/api.md. When the server's zod
 * schemas (src/shared/api/) exist, these become `z.infer` aliases of them; until then this file
 * is the web app's copy of the contract. Plan-level shapes come from the domain (src/domain/plan.ts).
 */
import type { Finding, FindingCode, Item, Milestone, Plan, Severity, Target, TargetOp, UnitRef } from '../../../src/domain/plan';

export type { Finding, FindingCode, Item, Milestone, Plan, Severity, Target, TargetOp, UnitRef };

export type Status = 'red' | 'yellow' | 'green' | 'done';
export const STATUSES: readonly Status[] = ['red', 'yellow', 'green', 'done'];

export type Role = 'admin' | 'reporter' | 'viewer';
export const ROLES: readonly Role[] = ['admin', 'reporter', 'viewer'];

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  disabled: boolean;
}

export interface SessionInfo {
  user: User;
  csrfToken: string;
}

export interface UnitLink {
  id: string;
  name: string;
}

export interface ItemSummary {
  number: number;
  title: string;
  key: boolean;
  status: Status;
  leadUnit: UnitLink | null;
  coUnits: UnitLink[];
  nextDeadline: string | null;
  /** Number of milestones (the contract names the field; a list is accepted too). */
  milestones: number | unknown[];
  targets: number | unknown[];
  section: string | null;
}

export type StatusCounts = Record<Status, number>;

export interface Dashboard {
  asOf: string;
  plan: { title: string; year: number | null; version: number } | null;
  counts: StatusCounts & { total: number };
  milestonesByQuarter: ({ quarter: string } & StatusCounts)[];
  keyItems: ItemSummary[];
  unitWorkload: { unitId: string; name: string; lead: number; co: number; red: number; yellow: number }[];
}

export interface ItemList {
  items: ItemSummary[];
  total: number;
  asOf: string;
}

export interface ItemDetail extends Omit<Item, 'milestones' | 'targets' | 'units'> {
  status: Status;
  milestones: (Milestone & { status: Status })[];
  targets: (Target & { status: Status })[];
  units: (UnitRef & { id: string })[];
  findings: Finding[];
  history: HistoryEntry[];
}

export interface HistoryEntry {
  version: number;
  importedAt?: string;
  date?: string;
  change?: string;
  fields?: string[];
  title?: string;
}

export interface Unit {
  id: string;
  name: string;
  type: string | null;
  aliases: string[];
  lead: number;
  co: number;
  nextDeadline: string | null;
}

export interface UnitGraph {
  nodes: { id: string; name: string; lead: number; co: number }[];
  links: { source: string; target: string; shared: number }[];
}

export interface UnitDetail {
  unit: Unit;
  lead: ItemSummary[];
  co: ItemSummary[];
  nextDeadlines: { number: number; title: string; deadline: string; text: string; status: Status }[];
}

export interface Timeline {
  quarters: string[];
  items: {
    number: number;
    title: string;
    key: boolean;
    status: Status;
    milestones: { deadline: string; quarter: string; status: Status; text: string }[];
  }[];
}

export interface FindingsResponse {
  findings: Finding[];
  byCode: Partial<Record<FindingCode, number>>;
}

export interface DiffChange {
  number: number | null;
  title: string;
  fields: string[];
}

export interface PlanDiffSummary {
  /** Items (the contract leaves their shape to the plan's Item). */
  added: Item[];
  removed: Item[];
  changed: DiffChange[];
  unchanged: number;
}

export interface ImportPreview {
  id: string;
  file: string;
  plan: Plan;
  diff: PlanDiffSummary;
  findings: Finding[];
}

export interface ImportConfirmed {
  version: number;
  diff: PlanDiffSummary;
}

export interface Org {
  name: string;
  warningDays: number;
}

export interface ApiErrorBody {
  error: { code: string; message: string; field?: string };
}
