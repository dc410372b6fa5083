/** Server messages of reporting (issue 7). */
export const reporting: Record<string, string> = {
  // progress reports (reports.routes.ts)
  'error.report_stale': 'Someone else has changed this report; refresh and try again',
  'error.report_exists':
    "Someone else has already started this item's report for the period; refresh and edit theirs",
  'error.report_not_found': 'No such progress report',
  'error.report_item_not_found': 'The current plan has no item {itemKey}',
  'error.report_forbidden':
    "Only reporters of the item's lead unit, or the office, may write and submit this report",
  'error.report_not_editable':
    'The report has been submitted or approved and can no longer be changed unless the office returns it',
  'error.report_not_submitted': 'Only a submitted report can be returned or approved',
  'error.report_review_forbidden': 'Only the office reviews reports',
  'error.report_contribute_forbidden': "Only reporters of the item's co-units add a contribution",
  'error.report_closed': 'The report is approved: no more contributions',
  'error.report_period_future': 'Period {period} has not begun (the current period is {current})',
  'error.report_period_cadence':
    'Period {period} does not match the organisation’s reporting cadence (monthly or quarterly)',
  'error.report_no_lead_unit': 'The item has no lead unit, so no report can be written for it',
  'error.todo_forbidden': 'Only reporters and the office have a to-do list',
  'report.status.draft': 'draft',
  'report.status.submitted': 'submitted',
  'report.status.returned': 'returned',
  'report.status.approved': 'approved',
  'validation.period': 'a period is written 2022-06 (monthly) or 2022Q2 (quarterly)',
  'validation.comment_required': 'a comment is required to return a report',
  'notification.report_submitted':
    '{unit} submitted the {period} report of item {number} “{title}” for review',
  'notification.report_returned': 'The {period} report of item {number} “{title}” was returned: {comment}',
  'notification.report_approved': 'The {period} report of item {number} “{title}” was approved',
  // evidence
  'error.evidence_type':
    'This type of evidence is not accepted: only PDF, images (JPG, PNG, GIF, WebP) and Office documents (Word, Excel, PowerPoint, WPS, OpenDocument), judged by the content, not the extension',
  'error.evidence_empty': 'The file is empty (0 bytes); choose the evidence file again',
  'error.evidence_heic':
    "HEIC/HEIF photos (the iPhone camera's own format, which most office PCs cannot open) are not accepted. Take the photo with the “Camera” button or pick it from the photo library (both send JPG), or set Settings → Camera → Formats to “Most Compatible”, or convert it to JPG first",
  'error.evidence_macros':
    'Documents with macros (VBA) are not accepted as evidence; save it without macros (.docx, .xlsx or PDF) and upload that',
  'error.evidence_too_large': 'The evidence file is over the limit of {limit}; compress or split it',
  'error.evidence_report_not_found': 'No such progress report',
  'error.evidence_not_found': 'No such evidence file',
  'error.evidence_report_closed':
    'The report has been submitted or approved: files can no longer be added or removed unless the office returns it',
  'error.evidence_forbidden':
    "Only reporters of the item's lead or co-units, or the office, may add or remove evidence",
  'error.evidence_not_own': "A unit may remove only its own unit's evidence files",
  // status, snapshots and the scoreboard (scoreboard.routes.ts, reform-ledger status)
  'error.period_range': 'The range of periods is reversed: {from} is after {to}',
  'error.period_range_too_long': 'The range of periods is too long: at most {max} periods at a time',
  'cli.status.description':
    'Items by status, the red (overdue) items and the scoreboard as of a date; keeps the status snapshots of periods whose due date has passed',
  'cli.opt.asOf': 'The date to report as of (YYYY-MM-DD, required), e.g. 2022-06-30',
  'cli.opt.statusOrg': 'Which organisation (default 三门县)',
  'cli.opt.statusJson': 'Print JSON',
  'cli.status.badAsOf': '--as-of {value}: a date is written YYYY-MM-DD, e.g. 2022-06-30',
  'cli.status.noPlan': '“{org}” has no plan imported yet',
  'cli.status.header': '{org}: “{title}” (version {version}) as of {asOf}',
  'cli.status.counts': '{total} items: red {red}, yellow {yellow}, green {green}, done {done}',
  'cli.status.red': 'Red (overdue) items: {count}',
  'cli.status.noRed': 'No red (overdue) items.',
  'cli.status.redItem': '  {number} {title} (lead: {unit})',
  'cli.status.scoreboard': 'Scoreboard as of {asOf} (previous rank: as of {previous}):',
  'cli.status.columns': 'Rank|Prev|Lead unit|Score|Done|On time|Reports|Returned|Due done',
  'cli.status.formula':
    'score = 100 × (done × {done} + on time × {onTime} + reports × {reports}) ÷ the weights of the rates measured − {penalty} × returned (a rate with nothing to measure is left out)',
  'cli.status.snapshots': 'Kept the status snapshots of {count} periods: {periods}',
  // audit log (audit.routes.ts, writers/audit-xlsx.writer.ts)
  'error.audit_export_too_large':
    'The filter matches {total} rows, more than the {max} one export may hold: narrow the time range or add filters',
  'audit.sheet': 'Audit log',
  'audit.col.at': 'Time ({tz})',
  'audit.col.actor': 'By',
  'audit.col.action': 'Action',
  'audit.col.entity': 'Kind',
  'audit.col.entityId': 'Id',
  'audit.col.changes': 'Changes',
  'audit.col.before': 'Before',
  'audit.col.after': 'After',
  'audit.removed': '(removed)',
  'audit.action.create': 'Created',
  'audit.action.update': 'Changed',
  'audit.action.delete': 'Deleted',
  'audit.entity.org': 'Organisation',
  'audit.entity.org_settings': 'Organisation settings',
  'audit.entity.user': 'User',
  'audit.entity.session': 'Session',
  'audit.entity.plan': 'Plan',
  'audit.entity.plan_version': 'Plan version',
  'audit.entity.item': 'Item',
  'audit.entity.findings': 'Plan check findings',
  'audit.entity.import_preview': 'Import preview',
  'audit.entity.unit': 'Unit',
  'audit.entity.unit_alias': 'Unit alias',
  'audit.entity.report': 'Progress report',
  'audit.entity.report_contribution': 'Co-unit contribution',
  'audit.entity.evidence': 'Evidence',
  'audit.entity.status_snapshot': 'Status snapshot',
  'audit.entity.reminder_settings': 'Reminder settings',
  'audit.entity.bulletin': 'Bulletin',
};
