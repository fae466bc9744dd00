import { EventEmitter } from 'node:events';
import type { LineState } from '../../../contract/queue';
import type {
  Alert,
  ActivityAlert,
  ResidentAlert,
  BookingAlert,
  LinePublisher,
  Notifier,
} from '../../core/ports';

/**
 * The local host's live channel: the core publishes line states and alerts here, and every open
 * Server-Sent Events stream listens. One process, so an in-memory emitter is the whole bus. What
 * was sent is kept by the store's alert log (the core records it), not here.
 */
export class LiveBus implements LinePublisher, Notifier {
  private readonly emitter = new EventEmitter();
  /** Latest state per line, so a new listener starts from the present. */
  private readonly latest = new Map<string, LineState>();

  constructor() {
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

  /** Pushes the alert to that resident's open pages. */
  async notify(alert: Alert): Promise<void> {
    this.emitter.emit(`alert:${alert.userId}`, alert);
  }

  async notifyBooking(alert: BookingAlert): Promise<void> {
    this.emitter.emit(`booking:${alert.userId}`, alert);
  }

  /** A waitlisted activity sign-up got its place. */
  async notifyActivity(alert: ActivityAlert): Promise<void> {
    this.emitter.emit(`activity:${alert.userId}`, alert);
  }

  /** Follow-up questions and suggestion news. */
  async notifyResident(alert: ResidentAlert): Promise<void> {
    this.emitter.emit(`resident:${alert.userId}`, alert);
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
