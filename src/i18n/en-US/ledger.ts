/** The ledger workbook (台账, issue 8) and `reform-ledger export`. */
export const ledger: Record<string, string> = {
  'ledger.sheet': 'Ledger',
  'ledger.asOf': 'Status as of {date}',
  'ledger.date': '{year}-{month2}-{day2}',
  // Read back by the importer as the plan's year: the same words in every language.
  'ledger.year': '（{year}年）',
  'ledger.footer': 'Page &P of &N',
  'ledger.col.status': 'Status',
  'ledger.col.next': 'Next deadline',
  'ledger.col.latest': 'Latest report',
  'ledger.col.actuals': 'Target actuals',
  'ledger.period.month': '{year}-{month2}',
  'ledger.period.quarter': '{year} Q{quarter}',
  'ledger.actual': '{metric}: {actual} (target {target})',
  'ledger.actual.met': '{metric}: {actual} (target {target}, met)',
  'ledger.file': 'ledger',

  'cli.export.description':
    "Export the current plan's ledger: Excel (the plan's own columns plus status, next deadline, latest report, target actuals) or JSON",
  'cli.opt.exportFormat': 'format: xlsx or json',
  'cli.opt.exportOut': 'file to write',
  'cli.opt.asOf': 'statuses as of this day (YYYY-MM-DD, default today)',
  'cli.opt.exportOrg': 'whose ledger (default 三门县)',
  'cli.opt.db':
    'database: postgres://…, sqlite:PATH, or an SQLite file path (default DATABASE_URL / DATA_DIR)',
  'cli.export.badFormat': 'Unsupported format "{format}": use xlsx or json',
  'cli.export.badDate': '"{date}" is not a valid date: use YYYY-MM-DD, e.g. 2022-06-30',
  'cli.export.wrote': 'Wrote {file}: "{title}", {items} items, status as of {asOf}',
  'error.no_current_plan': 'Organisation "{org}" has no plan imported yet',
};
