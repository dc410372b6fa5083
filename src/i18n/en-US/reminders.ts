/** Server messages of reminders (issue 7): reminder texts, send-log details, the `remind` command. */
export const reminders: Record<string, string> = {
  'reminder.title.milestone_due': 'Reminder: milestone due soon — {item}',
  'reminder.title.milestone_overdue': 'Reminder: milestone overdue — {item}',
  'reminder.title.milestone_escalation': 'Escalation: milestone {days} days overdue — {item}',
  'reminder.title.report_due': 'Reminder: progress report due soon — {item}',
  'reminder.title.report_overdue': 'Reminder: progress report overdue — {item}',
  'reminder.title.report_escalation': 'Escalation: progress report {days} days overdue — {item}',
  'reminder.title.test': 'Test: reform ledger reminder channel',

  'notification.reminder_milestone_due': 'A milestone of {ref} is due on {deadline} ({when}): {milestone}',
  'notification.reminder_milestone_overdue':
    'A milestone of {ref} is {days} days overdue (due {deadline}); please complete it and report: {milestone}',
  'notification.reminder_milestone_escalation':
    'A milestone of {ref}, led by {lead}, is {days} days overdue (due {deadline}) and not done: {milestone}',
  'notification.reminder_report_due': 'The {period} progress report of {ref} is due on {dueDate} ({when}).',
  'notification.reminder_report_overdue':
    'The {period} progress report of {ref} is {days} days overdue (due {dueDate}); please submit it.',
  'notification.reminder_report_escalation':
    'The {period} progress report of {ref}, led by {lead}, is {days} days overdue (due {dueDate}) and not submitted.',
  'notification.reminder_test': 'Test message: the reminder channel "{channel}" of {org} works.',

  'reminder.item_ref': 'item {number} “{item}”',
  'reminder.item_ref_plain': 'item “{item}”',
  'reminder.when.today': 'due today',
  'reminder.when.days_left': '{days} days left',
  'reminder.date': '{iso}',
  'reminder.period.month': '{year}-{month}',
  'reminder.period.quarter': 'Q{quarter} {year}',
  'reminder.footer': '— {org} reform ledger',

  'reminder.channel.in_app': 'in-app',
  'reminder.channel.webhook': 'group robot (webhook)',
  'reminder.channel.email': 'e-mail',
  'reminder.recipient.webhook': 'group robot',
  'reminder.recipient.office': 'reform office',
  'reminder.recipient.unknown_user': 'deleted user',

  'reminder.detail.in_app': 'in-app notification written',
  'reminder.detail.channel_disabled': 'channel "{channel}" is switched off: not sent',
  'reminder.detail.no_user': 'the recipient no longer exists or is disabled: not sent',
  'reminder.detail.no_recipients': 'no recipient addresses',
  'reminder.detail.not_configured': 'channel "{channel}" is not fully configured',
  'reminder.detail.timeout': 'no answer within {seconds} s',
  'reminder.detail.test_in_app': 'An in-app notification was sent to you: see the bell at the top right',
  'reminder.detail.webhook_address_refused':
    'not sent: {host} points to {what} ({address}); webhooks never go there, so that they cannot reach the server itself or the cloud metadata service',

  'reminder.address.loopback':
    'a loopback address (to relay through this host on purpose, the operator sets WEBHOOK_ALLOW_LOOPBACK=true)',
  'reminder.address.link_local':
    'a link-local address (including the cloud metadata service 169.254.169.254)',
  'reminder.address.unspecified': 'an unspecified address (0.0.0.0 or ::)',
  'reminder.address.multicast': 'a multicast address',
  'reminder.address.broadcast': 'the broadcast address',
  'reminder.address.reserved': 'a reserved address',
  'reminder.address.not_an_address': 'an unrecognised address',

  'error.reminder_unknown_unit': 'No such unit ({id})',
  'error.notification_not_found': 'No such notification',
  'validation.http_url': 'must be a URL starting with http:// or https://',
  'error.webhook_loopback_refused':
    'The webhook URL may not point to this server ({host}); to relay through this host on purpose, the operator sets WEBHOOK_ALLOW_LOOPBACK=true',
  'error.webhook_address_refused':
    'The webhook URL may not point to a link-local, cloud metadata, unspecified, multicast or broadcast address ({host}); intranet addresses (10.x, 172.16–31.x, 192.168.x) are fine',

  'cli.remind.description':
    'Run reminders once: queue the reminders due by the rules and send them (failures retry with back-off)',
  'cli.remind.opt.now':
    'Take this instant as "now" (ISO 8601, e.g. 2022-06-30T10:00:00+08:00), to catch up or rehearse',
  'cli.remind.done': 'Reminders done: {scheduled} new, {sent} sent, {retrying} to retry, {failed} failed',
  'error.invalid_instant': 'Not a valid instant: {value} (ISO 8601, e.g. 2022-06-30T10:00:00+08:00)',
  'server.reminders_failed': 'Reminders failed: {detail}',
};
