/** Server messages of reminders (issue 7): reminder texts, send-log details, the `remind` command. */
export const reminders: Record<string, string> = {
  'reminder.title.milestone_due': '【催办】时间节点临近：{item}',
  'reminder.title.milestone_overdue': '【催办】时间节点已逾期：{item}',
  'reminder.title.milestone_escalation': '【督办】时间节点逾期 {days} 天：{item}',
  'reminder.title.report_due': '【催办】进展报送即将截止：{item}',
  'reminder.title.report_overdue': '【催办】进展报送已逾期：{item}',
  'reminder.title.report_escalation': '【督办】进展报送逾期 {days} 天：{item}',
  'reminder.title.test': '【测试】改革一本账催办通道测试',

  'notification.reminder_milestone_due':
    '{ref}的时间节点将于{deadline}到期（{when}），请抓紧推进：{milestone}',
  'notification.reminder_milestone_overdue':
    '{ref}的时间节点已逾期 {days} 天（{deadline}到期），请尽快完成并报送进展：{milestone}',
  'notification.reminder_milestone_escalation':
    '{lead}牵头的{ref}时间节点已逾期 {days} 天（{deadline}到期），仍未完成：{milestone}',
  'notification.reminder_report_due': '{ref}{period}进展报送将于{dueDate}截止（{when}），请及时填报。',
  'notification.reminder_report_overdue':
    '{ref}{period}进展报送已逾期 {days} 天（{dueDate}截止），请尽快填报。',
  'notification.reminder_report_escalation':
    '{lead}牵头的{ref}{period}进展报送已逾期 {days} 天（{dueDate}截止），尚未报送。',
  'notification.reminder_test': '这是一条测试消息：{org}的催办通道“{channel}”可以正常发送。',

  'reminder.item_ref': '第 {number} 项改革事项“{item}”',
  'reminder.item_ref_plain': '改革事项“{item}”',
  'reminder.when.today': '今天到期',
  'reminder.when.days_left': '还有 {days} 天',
  'reminder.date': '{year}年{month}月{day}日',
  'reminder.period.month': '{year}年{month}月',
  'reminder.period.quarter': '{year}年第{quarter}季度',
  'reminder.footer': '—— {org} 改革一本账',

  'reminder.channel.in_app': '站内消息',
  'reminder.channel.webhook': '群机器人（Webhook）',
  'reminder.channel.email': '电子邮件',
  'reminder.recipient.webhook': '群机器人',
  'reminder.recipient.office': '改革办',
  'reminder.recipient.unknown_user': '已删除的用户',

  'reminder.detail.in_app': '已写入站内消息',
  'reminder.detail.channel_disabled': '通道“{channel}”已停用，未发送',
  'reminder.detail.no_user': '收件人已不存在或已停用，未发送',
  'reminder.detail.no_recipients': '没有收件地址',
  'reminder.detail.not_configured': '通道“{channel}”尚未配置完整',
  'reminder.detail.timeout': '{seconds} 秒内没有响应',
  'reminder.detail.test_in_app': '已给你发送一条站内消息，请查看右上角的铃铛',
  'reminder.detail.webhook_address_refused':
    '未发送：{host} 指向{what}（{address}），为防止借 Webhook 访问服务器本机或云平台元数据，不向这类地址发送',

  'reminder.address.loopback':
    '本机回环地址（确需经本机中继转发的，请由运维设置环境变量 WEBHOOK_ALLOW_LOOPBACK=true）',
  'reminder.address.link_local': '链路本地地址（含云平台元数据服务 169.254.169.254）',
  'reminder.address.unspecified': '未指定地址（0.0.0.0 或 ::）',
  'reminder.address.multicast': '组播地址',
  'reminder.address.broadcast': '广播地址',
  'reminder.address.reserved': '保留地址',
  'reminder.address.not_an_address': '无法识别的地址',

  'error.reminder_unknown_unit': '找不到这个责任单位（{id}）',
  'error.notification_not_found': '没有这条消息',
  'validation.http_url': '应为 http:// 或 https:// 开头的网址',
  'error.webhook_loopback_refused':
    'Webhook 地址不能指向本机（{host}）：确需经本机中继转发的，请由运维设置环境变量 WEBHOOK_ALLOW_LOOPBACK=true',
  'error.webhook_address_refused':
    'Webhook 地址不能指向链路本地、云平台元数据、未指定、组播或广播地址（{host}）；内网地址（10.x、172.16–31.x、192.168.x）可以使用',

  'cli.remind.description': '执行一次催办：按规则生成到期的提醒并发送（失败的按退避重试）',
  'cli.remind.opt.now': '把此时刻当作“现在”（ISO 8601，如 2022-06-30T10:00:00+08:00），用于补发或演练',
  'cli.remind.done':
    '催办完成：新生成 {scheduled} 条，发送成功 {sent} 条，待重试 {retrying} 条，失败 {failed} 条',
  'error.invalid_instant': '不是有效的时刻：{value}（应为 ISO 8601，如 2022-06-30T10:00:00+08:00）',
  'server.reminders_failed': '催办执行出错：{detail}',
};
