/**
 * The HTTP contract's types, inferred from the server's zod schemas (src/shared/api/, the source
 * of truth behind docs/api.md). Type-only imports: no zod reaches the browser bundle.
 */
import type { z } from 'zod';
import type * as S from '../../../src/shared/api/index.js';
import type { FindingCode, Severity, TargetOp } from '../../../src/domain/plan.js';

export type { FindingCode, Severity, TargetOp };

export type Status = S.Status;
export type Role = S.Role;
export const ROLES: readonly Role[] = ['admin', 'reporter', 'viewer'];
export type UnitType = z.infer<typeof S.unitTypeSchema>;
export const UNIT_TYPES: readonly UnitType[] = [
  'department',
  'township',
  'vertical',
  'enterprise',
  'collective',
  'other',
];
export const ITEM_SORTS = ['number', 'deadline', 'status', 'title'] as const;
export type ItemSort = (typeof ITEM_SORTS)[number];

export type SessionUser = S.SessionUser;
export type SessionInfo = S.SessionDto;
export type User = S.UserDto;
export type UserCreateBody = S.UserCreateBody;
export type UserPatchBody = S.UserPatchBody;
export type UnitLink = S.UnitRefDto;
export type NextDeadline = S.NextDeadlineDto;
export type StatusCounts = S.StatusCounts;
export type ItemSummary = S.ItemSummary;
export type ItemList = S.ItemsPage;
export type ItemDetail = S.ItemDetail;
export type HistoryEntry = ItemDetail['history'][number];
export type Dashboard = S.Dashboard;
export type Unit = S.UnitDto;
export type UnitGraph = S.UnitGraph;
export type UnitDetail = S.UnitDetail;
export type UnitPatchBody = S.UnitPatchBody;
export type Timeline = S.Timeline;
export type FindingsResponse = S.FindingsDto;
export type PlanDiffSummary = S.DiffSummary;
export type ImportPreview = S.ImportPreview;
/** The plan as parsed (the `parse` JSON contract) and its parts, as the API sends them. */
export type Plan = ImportPreview['plan'];
export type Item = Plan['items'][number];
export type Milestone = Item['milestones'][number];
export type Target = Item['targets'][number];
export type UnitRef = Item['units'][number];
export type Finding = Plan['findings'][number];
export type ImportConfirmed = S.ImportConfirm;
export type ImportConfirmBody = S.ImportConfirmBody;
export type Org = S.OrgDto;
export type OrgPatchBody = S.OrgPatchBody;
export type ApiErrorBody = S.ErrorBody;
/** Progress reports (issue 7). */
export type ReportStatus = S.ReportStatus;
export type Report = S.ReportDto;
export type ReportContent = S.ReportContent;
export type ReportSummary = S.ReportSummary;
export type ReportsPage = z.infer<typeof S.reportsPageSchema>;
export type ReportEvent = S.ReportEventDto;
export type Contribution = S.ContributionDto;
export type Evidence = S.EvidenceDto;
export type Todo = S.TodoDto;
export type TodoItem = Todo['items'][number];
export type ItemReports = S.ItemReportsDto;
export type SaveReportBody = S.SaveReportBody;
/** Trend, snapshots and the scoreboard (issue 7). */
export type Trend = S.TrendDto;
export type SnapshotChanges = S.SnapshotChangesDto;
export type Scoreboard = S.ScoreboardDto;
export type ScoreRow = S.ScoreRowDto;
export type ScoreWeights = S.ScoreWeights;
export type ScoreboardHistory = S.ScoreboardHistoryDto;
/** The audit log (issue 7). */
export type AuditEntry = S.AuditEntryDto;
export type AuditPage = S.AuditPageDto;
export type AuditAction = S.AuditActionDto;
export type AuditEntities = S.AuditEntitiesDto;
/** Reminders (催办) and notifications (issue 7). */
export type ReminderSettings = S.ReminderSettings;
export type ReminderChannel = S.ReminderChannel;
export type ReminderTestResult = S.ReminderTestResult;
export type ReminderLog = S.ReminderLog;
export type ReminderLogRow = S.ReminderLogRow;
export type Notification = S.NotificationDto;
export type Notifications = S.NotificationsDto;
/** Period bulletins (issue 8). */
export type BulletinSummary = S.BulletinSummaryDto;
export type Bulletins = S.BulletinsDto;
export type BulletinDetail = S.BulletinDetailDto;
/** Organisations and the roll-up (issue 9). */
export type OrgType = S.OrgTypeDto;
export type OrgRef = S.OrgRefDto;
export type OrgNode = S.OrgNodeDto;
export type OrgTree = S.OrgTreeDto;
export type OrgUser = S.OrgUserDto;
export type OrgUsers = S.OrgUsersDto;
export type OrgCreateBody = S.OrgCreateBody;
export type OrgUserMoveBody = S.OrgUserMoveBody;
export type Rollup = S.RollupDto;
export type RollupRow = S.RollupRowDto;
export type RollupFigures = S.RollupFiguresDto;
export type RollupThemes = S.RollupThemesDto;
export type Theme = S.ThemeDto;
export type ThemeItem = S.ThemeItemDto;
export type RollupSearch = S.RollupSearchDto;
export type RollupHit = S.RollupHitDto;
