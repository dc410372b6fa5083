import type { ReminderEvent } from './due-reminders.js';

/**
 * From reminder events to deliveries: one per channel and recipient, its dedupe key the event's
 * key plus the recipient (`…:user:<id>`, `…:webhook`, `…:email:unit:<id>`, `…:email:office`).
 * The key says nothing about when or by whom it was computed, so it is the same for every
 * scheduler on every day of the reminder's window.
 */

export type DeliveryChannel = 'in_app' | 'webhook' | 'email';

export interface Audience {
  /** Active reporters' user ids by unit id. */
  reportersByUnit: ReadonlyMap<string, readonly string[]>;
  /** Active admins' user ids: the office. */
  admins: readonly string[];
}

export interface ChannelTargets {
  inApp: boolean;
  webhook: boolean;
  email: {
    enabled: boolean;
    unitAddresses: ReadonlyMap<string, readonly string[]>;
    officeAddresses: readonly string[];
  };
}

export interface ReminderDelivery {
  dedupeKey: string;
  channel: DeliveryChannel;
  /** `user:<id>`, `webhook`, or `email:unit:<id>` / `email:office`. */
  recipient: string;
  /** The in-app user, or the e-mail addresses. */
  userId: string | null;
  addresses: string[];
  event: ReminderEvent;
}

export function deliveriesOf(
  events: readonly ReminderEvent[],
  audience: Audience,
  channels: ChannelTargets,
): ReminderDelivery[] {
  const out: ReminderDelivery[] = [];
  const add = (
    event: ReminderEvent,
    channel: DeliveryChannel,
    recipient: string,
    extra: Partial<ReminderDelivery>,
  ) =>
    out.push({
      dedupeKey: `${event.key}:${recipient}`,
      channel,
      recipient,
      userId: null,
      addresses: [],
      event,
      ...extra,
    });
  for (const event of events) {
    if (channels.inApp) {
      const users = new Set<string>();
      for (const unit of event.unitIds)
        for (const u of audience.reportersByUnit.get(unit) ?? []) users.add(u);
      if (event.office) for (const u of audience.admins) users.add(u);
      for (const userId of users) add(event, 'in_app', `user:${userId}`, { userId });
    }
    if (channels.webhook) add(event, 'webhook', 'webhook', {});
    if (channels.email.enabled) {
      for (const unit of event.unitIds) {
        const addresses = channels.email.unitAddresses.get(unit) ?? [];
        if (addresses.length > 0) add(event, 'email', `email:unit:${unit}`, { addresses: [...addresses] });
      }
      if (event.office && channels.email.officeAddresses.length > 0) {
        add(event, 'email', 'email:office', { addresses: [...channels.email.officeAddresses] });
      }
    }
  }
  return out;
}
