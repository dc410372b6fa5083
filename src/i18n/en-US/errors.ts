/** Errors for bad input: each names the problem; the place (file, row, field) is added by formatPlace. */
export const errors: Record<string, string> = {
  'error.empty_file': 'The file is empty',
  'error.too_large': 'The file is {size}, over the limit of {limit}',
  'error.unknown_format':
    'Unknown file format (supported: .docx, .xlsx, .csv and the text table exported from Word)',
  'error.binary_garbage': 'The file is neither text nor a readable Word or Excel document',
  'error.corrupt_zip': 'The file is corrupt: it cannot be unpacked as a {format} document ({detail})',
  'error.zip_bomb': 'The archive unpacks to too much data or too many entries ({detail}); refused for safety',
  'error.not_office': 'This is a zip archive but not a Word (.docx) or Excel (.xlsx) document',
  'error.corrupt_document':
    'The file is corrupt: it unpacks, but cannot be read as a {format} document ({detail})',
  'error.encrypted_office':
    'The document is password-protected (encrypted); remove the password in Office or WPS and import again',
  'error.csv_parse': 'The CSV file is malformed: {detail}',
  'error.legacy_office':
    'This is a legacy Office file (.doc/.xls); save it as .docx or .xlsx and import again',
  'error.no_table': 'The document has no table',
  'error.table_too_large':
    'The tables are too large: more than {limit} cells (a reform library has a few thousand); refused for safety',
  'error.no_header':
    'No header row found: no row names columns such as 序号, 改革事项, 改革举措, 主要目标, 责任单位. Headers seen: {seen}',
  'error.no_plan':
    'The document has neither a recognisable plan table nor numbered tasks (such as "1.… (牵头单位：…)")',
  'error.no_rows': 'There are no data rows under the header',
  'error.encoding': 'Unknown text encoding: neither UTF-8 nor GBK/GB18030 ({detail})',
  'error.sheet_not_found': 'No sheet named "{sheet}" (sheets: {sheets})',
  'error.file_not_found': 'File not found: {file}',
  'error.not_a_file': 'Not a file: {file}',
  'error.empty_dir': 'The folder holds no importable document (.docx, .xlsx, .csv, .txt)',
  'error.org_not_found': 'Organisation "{org}" not found',
  'error.db': 'Database error: {detail}',
  'error.config': 'Configuration error in {name}: {detail}',
  'error.import_conflict':
    'Another import of "{title}" for {org} finished first; import again to apply this one on top of it',
  'error.internal': 'Internal error: {detail}',
  // Reporting (issue 7): periods, report entries, units of actual values.
  'error.invalid_period': '"{value}" is not a reporting period (monthly like 2022-06, quarterly like 2022Q2)',
  'error.invalid_date': '"{value}" is not a valid date (expected YYYY-MM-DD)',
  'error.invalid_due_day': 'The due day must be a whole number from 1 to 31 (got {value})',
  'error.period_cadence_mismatch':
    '{first} and {last} are periods of different cadences (monthly and quarterly)',
  'error.unit_mismatch': 'The unit "{unit}" cannot be converted to the target\'s unit "{expected}"',
  'error.invalid_number': '"{value}" is not a valid number',
  'error.date_required': 'A date is required',
  'error.date_in_future': 'The date {value} is after the day of the report',
  'error.report_shape': 'The report does not match the item: {expected} entries expected, {actual} received',
  'error.invalid_state': '"{value}" is not a progress state (done, in progress, at risk)',
  'error.percent_required': 'A milestone in progress needs its percentage done',
  'error.percent_range': 'The percentage must be from 0 to 100 (got {value})',
  'error.reason_required': 'A milestone at risk needs a reason',
  'error.evidence_required': 'A landmark achievement reached needs its evidence',
};
