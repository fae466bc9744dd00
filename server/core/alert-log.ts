/**
 * The alert log's one writer: every alert the core sends is recorded in the store's AlertLog
 * (the SQLite outbox, CloudBase's alert_log) before it goes out, so the desk reads what was sent
 * tonight whatever channel carried it.
 */
import type {
  ActivityAlert,
  Alert,
  AlertLog,
  BookingAlert,
  Notifier,
  ResidentAlert,
  SentAlert,
} from './ports';

const sentOf = {
  queue: (a: Alert): SentAlert => ({
    userId: a.userId,
    kind: a.kind,
    ref: a.ticket.id,
    community: a.ticket.community,
    queue: a.ticket.queue,
    date: a.ticket.date,
    label: a.ticket.label,
    at: a.at,
  }),
  booking: (a: BookingAlert): SentAlert => ({
    userId: a.userId,
    kind: a.kind,
    ref: a.booking.id,
    community: a.booking.community,
    queue: a.booking.service,
    date: a.booking.date,
    label: `${a.booking.serviceName} ${a.booking.startsAt}`,
    at: a.at,
  }),
  activity: (a: ActivityAlert): SentAlert => ({
    userId: a.userId,
    kind: a.kind,
    ref: a.activity.id,
    community: a.activity.community,
    queue: 'notice',
    date: a.activity.date,
    label: `${a.activity.name} ${a.activity.startsAt}`,
    at: a.at,
  }),
  resident: (a: ResidentAlert): SentAlert => ({
    userId: a.userId,
    kind: a.kind,
    ref: '',
    community: a.community,
    queue: 'voice',
    date: '',
    label: a.text,
    at: a.at,
  }),
};

/** A notifier that records each alert in `log`, then sends it through `send`. */
export function loggedNotifier(send: Notifier, log: AlertLog): Notifier {
  const keep = async (alert: SentAlert) => {
    try {
      await log.record(alert);
    } catch (error) {
      // The resident still gets the alert; only the desk's list misses it.
      console.error('[bdb] alert log write failed:', error);
    }
  };
  return {
    notify: async (a) => {
      await keep(sentOf.queue(a));
      await send.notify(a);
    },
    notifyBooking: async (a) => {
      await keep(sentOf.booking(a));
      await send.notifyBooking(a);
    },
    notifyActivity: async (a) => {
      await keep(sentOf.activity(a));
      await send.notifyActivity(a);
    },
    notifyResident: async (a) => {
      await keep(sentOf.resident(a));
      await send.notifyResident(a);
    },
  };
}
