import { EventEmitter } from 'node:events';
import type Database from 'better-sqlite3';
import type { LineState } from '../../../contract/queue';
import type {
  Alert,
  ActivityAlert,
  ResidentAlert,
  BookingAlert,
  LinePublisher,
  Notifier,
  SentAlertRecord,
} from '../../core/ports';

/**
 * The local host's live channel: the core publishes line states and alerts here, and every open
 * Server-Sent Events stream listens. One process, so an in-memory emitter is the whole bus.
 */
export class LiveBus implements LinePublisher, Notifier {
  private readonly emitter = new EventEmitter();
  /** Latest state per line, so a new listener starts from the present. */
  private readonly latest = new Map<string, LineState>();

  constructor(private readonly outbox?: Database.Database) {
    // Every open page holds a listener; hundreds of residents are expected on one evening.
    this.emitter.setMaxListeners(0);
  }

  async publish(state: LineState): Promise<void> {
    const key = `${state.community}/${state.queue}`;
    const previous = this.latest.get(key);
    if (previous && previous.date === state.date && previous.version > state.version) return;
    this.latest.set(key, state);
    this.emitter.emit(`line:${state.community}`, state);
  }

  /**
   * One row of the outbox, the local stand-in for subscription messages. A failed write is
   * logged, never thrown: the resident's open pages still get the alert.
   */
  private record(row: {
    userId: string;
    kind: string;
    ref: string;
    community: string;
    queue: string;
    date: string;
    label: string;
    payload: unknown;
    at: string;
  }): void {
    try {
      this.outbox
        ?.prepare(
          `INSERT INTO outbox (user_id, kind, ticket_id, community_id, queue, date, label, payload, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          row.userId,
          row.kind,
          row.ref,
          row.community,
          row.queue,
          row.date,
          row.label,
          JSON.stringify(row.payload),
          row.at,
        );
    } catch (error) {
      console.error('[bdb] outbox write failed:', error);
    }
  }

  /** Records the alert in the outbox, then pushes it to that resident's open pages. */
  async notify(alert: Alert): Promise<void> {
    const t = alert.ticket;
    this.record({
      ...alert,
      ref: t.id,
      community: t.community,
      queue: t.queue,
      date: t.date,
      label: t.label,
      payload: t,
    });
    this.emitter.emit(`alert:${alert.userId}`, alert);
  }

  /** Booking notices go to the outbox too. */
  async notifyBooking(alert: BookingAlert): Promise<void> {
    const b = alert.booking;
    this.record({
      ...alert,
      ref: b.id,
      community: b.community,
      queue: b.service,
      date: b.date,
      label: `${b.serviceName} ${b.startsAt}`,
      payload: b,
    });
    this.emitter.emit(`booking:${alert.userId}`, alert);
  }

  /** A waitlisted activity sign-up got its place. */
  async notifyActivity(alert: ActivityAlert): Promise<void> {
    const a = alert.activity;
    this.record({
      ...alert,
      ref: a.id,
      community: a.community,
      queue: 'notice',
      date: a.date,
      label: `${a.name} ${a.startsAt}`,
      payload: alert,
    });
    this.emitter.emit(`activity:${alert.userId}`, alert);
  }

  /** Follow-up questions and suggestion news. */
  async notifyResident(alert: ResidentAlert): Promise<void> {
    this.record({
      ...alert,
      ref: '',
      queue: 'voice',
      date: '',
      label: alert.text,
      payload: alert,
    });
    this.emitter.emit(`resident:${alert.userId}`, alert);
  }

  async recent(
    community: string,
    queue: string,
    date: string,
    limit: number,
  ): Promise<SentAlertRecord[]> {
    if (!this.outbox) return [];
    return this.outbox
      .prepare<[string, string, string, number], SentAlertRecord>(
        `SELECT kind, label, created_at AS at FROM outbox WHERE community_id = ? AND queue = ? AND date = ?
         ORDER BY id DESC LIMIT ?`,
      )
      .all(community, queue, date, limit);
  }

  onLine(community: string, listener: (state: LineState) => void): () => void {
    this.emitter.on(`line:${community}`, listener);
    return () => this.emitter.off(`line:${community}`, listener);
  }

  onAlert(userId: string, listener: (alert: Alert) => void): () => void {
    this.emitter.on(`alert:${userId}`, listener);
    return () => this.emitter.off(`alert:${userId}`, listener);
  }

  listenerCount(community: string): number {
    return this.emitter.listenerCount(`line:${community}`);
  }
}
