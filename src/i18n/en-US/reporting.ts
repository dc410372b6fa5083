/** Server messages of reporting (issue 7). */
export const reporting: Record<string, string> = {
  // progress reports (reports.routes.ts)
  'error.report_stale': 'Someone else has changed this report; refresh and try again',
  'error.report_exists': "Someone else has already started this item's report for the period; refresh and edit theirs",
  'error.report_not_found': 'No such progress report',
  'error.report_item_not_found': 'The current plan has no item {itemKey}',
  'error.report_forbidden': "Only reporters of the item's lead unit, or the office, may write and submit this report",
  'error.report_not_editable': 'The report has been submitted or approved and can no longer be changed unless the office returns it',
  'error.report_not_submitted': 'Only a submitted report can be returned or approved',
  'error.report_review_forbidden': 'Only the office reviews reports',
  'error.report_contribute_forbidden': "Only reporters of the item's co-units add a contribution",
  'error.report_closed': 'The report is approved: no more contributions',
  'error.report_period_future': 'Period {period} has not begun (the current period is {current})',
  'error.report_period_cadence': 'Period {period} does not match the organisation’s reporting cadence (monthly or quarterly)',
  'error.report_no_lead_unit': 'The item has no lead unit, so no report can be written for it',
  'error.todo_forbidden': 'Only reporters and the office have a to-do list',
  'report.status.draft': 'draft',
  'report.status.submitted': 'submitted',
  'report.status.returned': 'returned',
  'report.status.approved': 'approved',
  'validation.period': 'a period is written 2022-06 (monthly) or 2022Q2 (quarterly)',
  'validation.comment_required': 'a comment is required to return a report',
  'notification.report_submitted': '{unit} submitted the {period} report of item {number} “{title}” for review',
  'notification.report_returned': 'The {period} report of item {number} “{title}” was returned: {comment}',
  'notification.report_approved': 'The {period} report of item {number} “{title}” was approved',
  // evidence
  'error.evidence_type':
    'This type of evidence is not accepted: only PDF, images (JPG, PNG, GIF, WebP) and Office documents (Word, Excel, PowerPoint, WPS, OpenDocument), judged by the content, not the extension',
  'error.evidence_empty': 'The file is empty (0 bytes); choose the evidence file again',
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
};
