import type { LineConfig } from '../../../contract/queue';
import { AppError } from '../errors';
import type { CommunityRecord, LineConfigRecord, ServiceRecord } from '../ports';
import type { EveningStatus } from '../kernel/schedule';

/** Defaults until staff configure a line: generous capacity, last ticket 30 minutes before closing. */
export const DEFAULT_CAPACITY = 100;
export const DEFAULT_GRACE_MINUTES = 10;
export const DEFAULT_SERVICE_MINUTES = 5;
const LAST_JOIN_BEFORE_CLOSING_MINUTES = 30;

/** "HH:mm" as minutes, remembered: a line's few times are compared on every join and view. */
const minutesOf = new Map<string, number>();
const toMinutes = (hhmm: string) => {
  let minutes = minutesOf.get(hhmm);
  if (minutes === undefined) {
    const [h, m] = hhmm.split(':').map(Number) as [number, number];
    minutes = h * 60 + m;
    // Times come from the configuration and the calendar: a few dozen, but never let it grow.
    if (minutesOf.size < 1_440) minutesOf.set(hhmm, minutes);
  }
  return minutes;
};
const toHhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * A line's hours tonight: the evening's, or none (no number can be taken: joinBlock 'closed')
 * when tonight is no service evening or the community is archived. Only new numbers stop: staff
 * still call and finish the tickets already taken, which keep their places.
 */
export function lineHours(
  status: Pick<EveningStatus, 'serviceEvening' | 'opensAt' | 'closesAt'>,
  community: Pick<CommunityRecord, 'archivedAt'>,
): { opensAt: string; closesAt: string } {
  // The status' hours on another day are the next evening's: this day's line has none.
  if (!status.serviceEvening || community.archivedAt !== null) return { opensAt: '', closesAt: '' };
  return { opensAt: status.opensAt, closesAt: status.closesAt };
}

export const compareHhmm = (a: string, b: string) => toMinutes(a) - toMinutes(b);

export const defaultConfig = (closesAt: string): LineConfig => ({
  capacity: DEFAULT_CAPACITY,
  lastJoin: closesAt
    ? toHhmm(Math.max(0, toMinutes(closesAt) - LAST_JOIN_BEFORE_CLOSING_MINUTES))
    : '19:30',
  graceMinutes: DEFAULT_GRACE_MINUTES,
  defaultServiceMinutes: DEFAULT_SERVICE_MINUTES,
});

export const withDefaults = (stored: LineConfigRecord | null, closesAt: string): LineConfig => ({
  ...defaultConfig(closesAt),
  ...stored,
});

export interface QueueLine {
  community: CommunityRecord;
  service: ServiceRecord;
  /** "A" for the first queue service in display order, "B" for the second… */
  prefix: string;
}

/** The community's queue services in display order, each with its label prefix. */
export function queueLines(community: CommunityRecord): QueueLine[] {
  return community.services
    .filter((s) => s.kind === 'queue')
    .sort((a, b) => a.sort - b.sort)
    .map((service, i) => ({ community, service, prefix: String.fromCharCode(65 + (i % 26)) }));
}

export function findLine(community: CommunityRecord, queue: string): QueueLine {
  const line = queueLines(community).find((l) => l.service.id === queue);
  if (!line) throw new AppError('NOT_FOUND', '这个社区没有这条排队', 'queue');
  return line;
}

export const labelOf = (prefix: string, number: number) =>
  `${prefix}${String(number).padStart(3, '0')}`;
