/** The ledger workbook (台账, issue 8) and `reform-ledger export`. */
export const ledger: Record<string, string> = {
  'ledger.sheet': '改革台账',
  'ledger.asOf': '状态截至 {date}',
  'ledger.date': '{year}年{month}月{day}日',
  'ledger.year': '（{year}年）',
  'ledger.footer': '第 &P 页，共 &N 页',
  'ledger.col.status': '状态',
  'ledger.col.next': '下一节点',
  'ledger.col.latest': '最新进展',
  'ledger.col.actuals': '指标完成',
  'ledger.period.month': '{year}年{month}月',
  'ledger.period.quarter': '{year}年第{quarter}季度',
  'ledger.actual': '{metric}：{actual}（目标 {target}）',
  'ledger.actual.met': '{metric}：{actual}（目标 {target}，已完成）',
  'ledger.file': '改革台账',

  'cli.export.description':
    '导出当前方案的台账：Excel（原方案各列，加状态、下一节点、最新进展、指标完成）或 JSON',
  'cli.opt.exportFormat': '格式：xlsx 或 json',
  'cli.opt.exportOut': '写入的文件',
  'cli.opt.asOf': '状态截至哪一天（YYYY-MM-DD，默认今天）',
  'cli.opt.exportOrg': '哪个组织的台账（默认 三门县）',
  'cli.opt.db': '数据库：postgres://…、sqlite:路径，或 SQLite 文件路径（默认取 DATABASE_URL / DATA_DIR）',
  'cli.export.badFormat': '不支持的格式“{format}”，请用 xlsx 或 json',
  'cli.export.badDate': '“{date}”不是有效日期，请用 YYYY-MM-DD，例如 2022-06-30',
  'cli.export.wrote': '已写入 {file}：“{title}”{items} 项，状态截至 {asOf}',
  'error.no_current_plan': '组织“{org}”还没有导入方案',
};
