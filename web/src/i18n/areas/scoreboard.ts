/** Messages of the scoreboard pages (issue 7): zh-CN first; en-US must have every key (the type checks it). */
export const scoreboardZh = {
  'scoreboard.title': '晾晒',
  'scoreboard.sub': '截至 {asOf}，{n} 个牵头单位；“较上期”对比截至 {previous} 的名次',
  'scoreboard.noPlan': '尚未导入改革库，没有可排名的单位',
  'scoreboard.ranking': '牵头单位排名',
  'scoreboard.col.rank': '名次',
  'scoreboard.col.change': '较上期',
  'scoreboard.col.unit': '牵头单位',
  'scoreboard.col.score': '得分',
  'scoreboard.col.done': '完成率',
  'scoreboard.col.onTime': '按时率',
  'scoreboard.col.reports': '报送率',
  'scoreboard.col.returned': '退回率',
  'scoreboard.col.due': '到期节点（已完成/到期）',
  'scoreboard.col.reportsDue': '报表（按时/应报）',
  'scoreboard.unscored': '未计分',
  'scoreboard.unscoredHint': '尚无到期的节点，也没有应报的报表',
  'scoreboard.change.up': '↑{n}',
  'scoreboard.change.upLabel': '较上期上升 {n} 名',
  'scoreboard.change.down': '↓{n}',
  'scoreboard.change.downLabel': '较上期下降 {n} 名',
  'scoreboard.change.same': '—',
  'scoreboard.change.sameLabel': '与上期名次相同',
  'scoreboard.change.new': '新',
  'scoreboard.change.newLabel': '上期未参加排名',
  'scoreboard.formula.title': '评分规则',
  'scoreboard.formula.score':
    '得分 = 100 ×（{done} × 完成率 + {onTime} × 按时率 + {reports} × 报送率）÷ 参与计算的权重之和 − {penalty} × 退回率，截断在 0 到 100 之间，保留一位小数。',
  'scoreboard.formula.done': '完成率（权重 {w}）：已到期且已完成的时间节点数 ÷ 已到期的时间节点数。',
  'scoreboard.formula.onTime':
    '按时率（权重 {w}）：在截止日期当天或之前完成的节点数 ÷ 已到期或已完成的节点数。',
  'scoreboard.formula.reports':
    '报送率（权重 {w}）：按时报送（截止日当天或之前提交且未被退回）的报表数 ÷ 应报送的报表数。',
  'scoreboard.formula.returned': '退回率（扣分，100% 扣 {w} 分）：被退回的提交次数 ÷ 提交次数。',
  'scoreboard.formula.missing':
    '分母为 0 的指标（如尚无到期节点）不参与计算，其权重也不计入；没有任何可计算指标的单位不计分，排在最后。',
  'scoreboard.formula.due':
    '截止日期早于统计日期即为“已到期”，截止日期恰为统计日期的，只有已完成（已报送）的才计入。节点完成情况只看改革办审核通过的进展报告，从审核通过之日起计入。',
  'scoreboard.formula.owed':
    '应报报表：每个牵头事项每个周期一份，从本地区第一次报送的周期（{from}）起算；事项完成后不再要求报送。',
  'scoreboard.formula.notYet': '应报报表：从本地区第一次报送的周期起算；目前还没有任何单位报送过。',
  'scoreboard.formula.ties': '得分相同时，已到期节点多的单位在前；仍相同按单位名称排序。',
  'scoreboard.history.title': '历次排名与得分',
  'scoreboard.history.unit': '单位',
  'scoreboard.history.rank': '名次',
  'scoreboard.history.score': '得分',
  'scoreboard.history.period': '周期',
  'scoreboard.history.provisional': '{period}（暂定）',
  'scoreboard.history.hint': '各期按截止日统计；当期尚未截止的按今天统计（暂定）。',
  'scoreboard.periodMonth': '{year}年{month}月',
  'trend.title': '各期事项状态',
  'trend.period': '周期',
  'trend.hint': '各期按当期截止日统计并留存；当期尚未截止，按今天统计（暂定）。',
} satisfies Record<string, string>;

export const scoreboardEn: Record<keyof typeof scoreboardZh, string> = {
  'scoreboard.title': 'Scoreboard',
  'scoreboard.sub': 'As of {asOf}, {n} lead units; “vs last” compares with the ranks as of {previous}',
  'scoreboard.noPlan': 'No plan has been imported: there are no units to rank',
  'scoreboard.ranking': 'Lead units ranked',
  'scoreboard.col.rank': 'Rank',
  'scoreboard.col.change': 'vs last',
  'scoreboard.col.unit': 'Lead unit',
  'scoreboard.col.score': 'Score',
  'scoreboard.col.done': 'Done',
  'scoreboard.col.onTime': 'On time',
  'scoreboard.col.reports': 'Reports',
  'scoreboard.col.returned': 'Returned',
  'scoreboard.col.due': 'Due milestones (done/due)',
  'scoreboard.col.reportsDue': 'Reports (on time/owed)',
  'scoreboard.unscored': 'no score',
  'scoreboard.unscoredHint': 'Nothing due yet: no milestone past its deadline, no report owed',
  'scoreboard.change.up': '↑{n}',
  'scoreboard.change.upLabel': 'up {n} since last period',
  'scoreboard.change.down': '↓{n}',
  'scoreboard.change.downLabel': 'down {n} since last period',
  'scoreboard.change.same': '—',
  'scoreboard.change.sameLabel': 'same rank as last period',
  'scoreboard.change.new': 'new',
  'scoreboard.change.newLabel': 'not ranked last period',
  'scoreboard.formula.title': 'How the score is made',
  'scoreboard.formula.score':
    'score = 100 × ({done} × done rate + {onTime} × on-time rate + {reports} × report rate) ÷ the weights of the rates measured − {penalty} × return rate, clamped to 0–100, to one decimal.',
  'scoreboard.formula.done': 'Done rate (weight {w}): due milestones done ÷ due milestones.',
  'scoreboard.formula.onTime':
    'On-time rate (weight {w}): milestones done on or before their deadline ÷ milestones due or done.',
  'scoreboard.formula.reports':
    'Report rate (weight {w}): reports submitted on or before their due date and not returned ÷ reports owed.',
  'scoreboard.formula.returned':
    'Return rate (a penalty, {w} points at 100%): returned submissions ÷ submissions.',
  'scoreboard.formula.missing':
    'A rate with nothing to measure (no milestone due yet) is left out, weight included; a unit with nothing to measure has no score and is ranked last.',
  'scoreboard.formula.due':
    'A milestone is due when its deadline is before the as-of date; one due on that date counts only once done. Milestones count as done only from reports the office has approved, from the day of approval.',
  'scoreboard.formula.owed':
    'Reports owed: one per led item per period, from the first period anyone reported for ({from}); none once the item is done.',
  'scoreboard.formula.notYet':
    'Reports owed: from the first period anyone reported for; nobody has reported yet.',
  'scoreboard.formula.ties': 'Equal scores: more due milestones first, then by unit name.',
  'scoreboard.history.title': 'Rank and score over the periods',
  'scoreboard.history.unit': 'Unit',
  'scoreboard.history.rank': 'Rank',
  'scoreboard.history.score': 'Score',
  'scoreboard.history.period': 'Period',
  'scoreboard.history.provisional': '{period} (provisional)',
  'scoreboard.history.hint':
    'Each period as of its due date; the current period, not due yet, as of today (provisional).',
  'scoreboard.periodMonth': '{month}/{year}',
  'trend.title': 'Items by status per period',
  'trend.period': 'Period',
  'trend.hint':
    'Each period as of its due date, kept; the current period, not due yet, as of today (provisional).',
};
