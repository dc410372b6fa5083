/** The plan-quality report, .docx and .xlsx: src/writers/quality-report.*.ts. */
export const report: Record<string, string> = {
  'report.title': 'Quality check report on “{title}”',
  'report.untitled': 'the reform library',
  'report.summary':
    'The {items} reform items of “{title}” were checked for quality. {total} problems were found: {errors} errors, {warnings} warnings and {infos} notes, of {codes} kinds, in {affected} items. They are listed below by kind, with a summary by item in the appendix; the responsible units are asked to check them against the original text and send their corrections before the plan is finalised.',
  'report.summary.none':
    'The {items} reform items of “{title}” were checked for quality. No problem was found.',
  'report.section': '{n}. {name} ({count})',
  'report.explain': 'What this is: {text} (code {code}).',
  'report.entry': '{n}. {where} ({field}, {severity}): {message}.',
  'report.entry.noField': '{n}. {where} ({severity}): {message}.',
  'report.where.item': 'Item {item} “{title}”',
  'report.where.itemNoTitle': 'Item {item}',
  'report.where.plan': 'Whole plan',
  'report.quote': 'Original text: “{text}”',
  'report.appendix': 'Appendix',
  'report.appendix.title': 'Problems by item',
  'report.codeCount': '{name}: {count}',
  'report.sheet.byCode': 'By problem',
  'report.sheet.byItem': 'By item',
  'report.col.code': 'Code',
  'report.col.codeName': 'Problem',
  'report.col.severity': 'Severity',
  'report.col.number': 'No.',
  'report.col.title': 'Reform item',
  'report.col.field': 'Field',
  'report.col.message': 'Description',
  'report.col.excerpt': 'Original text',
  'report.col.count': 'Problems',
  'report.col.codes': 'Problems by kind',
  // Excel header/footer codes: &P the page, &N the number of pages.
  'report.xlsx.footer': 'Page &P of &N',
  'report.file': 'plan-quality-report',
  'report.code.MISSING_NUMBER': 'Missing number',
  'report.code.SEQUENCE_GAP': 'Numbering gap',
  'report.code.DUPLICATE_TEXT': 'Duplicate text',
  'report.code.DATE_OUT_OF_ORDER': 'Milestones out of order',
  'report.code.DATE_OUTSIDE_PLAN': 'Deadline outside the plan year',
  'report.code.BLANK_VALUE': 'Blank target value',
  'report.code.NO_DEADLINE': 'No deadline',
  'report.code.NO_MEASURABLE_TARGET': 'No measurable target',
  'report.code.UNIT_ALIAS': 'Unit spelled differently',
  'report.code.COLUMN_MISPLACED': 'Text in the wrong column',
  'report.code.EMPTY_CELL': 'Empty field',
  'report.explain.MISSING_NUMBER':
    'the number cell is empty (often lost with Word auto-numbering); it was inferred from the neighbouring items',
  'report.explain.SEQUENCE_GAP':
    'numbers skip, repeat or go backwards, or the list markers inside a cell skip',
  'report.explain.DUPLICATE_TEXT':
    "text almost the same as another item's, two entries of one list alike, or a phrase written twice in a row",
  'report.explain.DATE_OUT_OF_ORDER':
    "an item's deadlines go backwards, or a year breaks the sequence of the plan's other deadlines (probably a typo)",
  'report.explain.DATE_OUTSIDE_PLAN': 'a deadline before the plan year, or after it (a long-term goal)',
  'report.explain.BLANK_VALUE': 'a target whose value was left blank',
  'report.explain.NO_DEADLINE': 'the main goals name no recognisable deadline',
  'report.explain.NO_MEASURABLE_TARGET': 'the main goals contain no number to measure',
  'report.explain.UNIT_ALIAS':
    'one unit written in different ways (merged into one), or similar names at different levels of government (to be checked)',
  'report.explain.COLUMN_MISPLACED':
    'a deadline in the measures or achievements, or text in the responsible units that is not a unit',
  'report.explain.EMPTY_CELL': 'a field that should be filled in is empty',
};
