/** Plan-quality lint messages (规范性检查). Keys: finding.CODE or finding.CODE.variant. */
export const findings: Record<string, string> = {
  'finding.MISSING_NUMBER': '序号为空（可能随 Word 自动编号丢失），按前后顺序推定为 {number}',
  'finding.MISSING_NUMBER.unresolved': '序号为空，且无法按前后顺序推定',
  'finding.SEQUENCE_GAP': '序号从 {from} 跳到 {to}，缺少 {missing}',
  'finding.SEQUENCE_GAP.duplicate': '序号 {number} 重复出现',
  'finding.SEQUENCE_GAP.backwards': '序号 {to} 排在 {from} 之后，顺序倒退',
  'finding.SEQUENCE_GAP.markers': '“{field}”栏的分条编号从 {from} 跳到 {to}，缺少 {missing}',
  'finding.DUPLICATE_TEXT': '与第 {other} 项的“{otherField}”几乎相同（相似度 {similarity}%）',
  'finding.DUPLICATE_TEXT.within':
    '本栏第 {first} 条与第 {second} 条内容重复（相似度 {similarity}%），疑为同一条写了两遍',
  'finding.DUPLICATE_TEXT.repeat': '文字重复：“{text}”连续出现两次',
  'finding.DATE_OUT_OF_ORDER':
    '时间节点未按先后排列：“{phrase}”（{deadline}）排在“{previous}”（{previousDeadline}）之后',
  'finding.DATE_OUT_OF_ORDER.year':
    '“{phrase}”的年份 {year} 与本方案其他时间节点（{planYear} 年）不一致，疑为笔误',
  'finding.DATE_OUTSIDE_PLAN': '“{phrase}”（{deadline}）早于方案年度 {planYear} 年',
  'finding.DATE_OUTSIDE_PLAN.after': '“{phrase}”（{deadline}）晚于方案年度 {planYear} 年，属远期目标',
  'finding.BLANK_VALUE': '指标数值空缺：“{text}”',
  'finding.NO_DEADLINE': '主要目标中没有可识别的时间节点',
  'finding.NO_MEASURABLE_TARGET': '主要目标中没有可量化的指标',
  'finding.UNIT_ALIAS': '责任单位“{alias}”与“{canonical}”是同一单位的不同写法，已统一为“{canonical}”',
  'finding.UNIT_ALIAS.possible': '责任单位“{alias}”与“{canonical}”名称相近但层级不同，请核实是否为同一单位',
  'finding.COLUMN_MISPLACED': '“{field}”栏中写有时间节点“{phrase}”，时间节点一般应写在“主要目标”栏',
  'finding.COLUMN_MISPLACED.swapped':
    '“主要目标”栏没有时间节点，“{field}”栏却写有“{phrase}”：两栏内容可能错位',
  'finding.COLUMN_MISPLACED.units': '“责任单位”栏中的“{text}”不像单位名称',
  'finding.EMPTY_CELL': '“{field}”栏为空',
};
