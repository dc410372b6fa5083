/** Plan-quality lint messages. Keys: finding.CODE or finding.CODE.variant. */
export const findings: Record<string, string> = {
  'finding.MISSING_NUMBER':
    'The number cell is empty (probably lost with Word auto-numbering); inferred as {number} from its neighbours',
  'finding.MISSING_NUMBER.unresolved': 'The number cell is empty and cannot be inferred from its neighbours',
  'finding.SEQUENCE_GAP': 'Numbering jumps from {from} to {to}; missing: {missing}',
  'finding.SEQUENCE_GAP.duplicate': 'Number {number} appears more than once',
  'finding.SEQUENCE_GAP.backwards': 'Number {to} comes after {from}: the sequence goes backwards',
  'finding.SEQUENCE_GAP.markers': 'List markers in "{field}" jump from {from} to {to}; missing: {missing}',
  'finding.DUPLICATE_TEXT': 'Almost the same as "{otherField}" of item {other} ({similarity}% similar)',
  'finding.DUPLICATE_TEXT.within':
    'Entries {first} and {second} of this field repeat each other ({similarity}% similar): probably one point written twice',
  'finding.DUPLICATE_TEXT.repeat': 'Repeated words: "{text}" appears twice in a row',
  'finding.DATE_OUT_OF_ORDER':
    'Milestones out of order: "{phrase}" ({deadline}) comes after "{previous}" ({previousDeadline})',
  'finding.DATE_OUT_OF_ORDER.year':
    'The year {year} in "{phrase}" breaks the sequence of the plan\'s other milestones ({planYear}); probably a typo',
  'finding.DATE_OUTSIDE_PLAN': '"{phrase}" ({deadline}) is before the plan year {planYear}',
  'finding.DATE_OUTSIDE_PLAN.after':
    '"{phrase}" ({deadline}) is after the plan year {planYear}: a long-term goal',
  'finding.BLANK_VALUE': 'The target value is blank: "{text}"',
  'finding.NO_DEADLINE': 'The main goals contain no recognisable deadline',
  'finding.NO_MEASURABLE_TARGET': 'The main goals contain no measurable target',
  'finding.UNIT_ALIAS': 'Unit "{alias}" is another spelling of "{canonical}"; merged as "{canonical}"',
  'finding.UNIT_ALIAS.possible':
    'Unit "{alias}" resembles "{canonical}" at another level of government; check whether they are the same',
  'finding.COLUMN_MISPLACED':
    'The "{field}" field holds the deadline "{phrase}"; deadlines belong in the main goals',
  'finding.COLUMN_MISPLACED.swapped':
    'The main goals hold no deadline, but "{field}" holds "{phrase}": the two columns may be swapped',
  'finding.COLUMN_MISPLACED.units': '"{text}" in the responsible units does not look like a unit name',
  'finding.EMPTY_CELL': 'The "{field}" field is empty',
};
