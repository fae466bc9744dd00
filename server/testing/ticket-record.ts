/** A ticket record for the queue's pure tests: number `number` of jinse's library line tonight, waiting. */
import type { TicketRecord } from '../core/ports';

export const ticketRecord = (number: number, patch: Partial<TicketRecord> = {}): TicketRecord => ({
  id: `KEY-${number}`,
  community: 'jinse',
  queue: 'library',
  date: '2026-12-02',
  number,
  label: `A${String(number).padStart(3, '0')}`,
  status: 'waiting',
  userId: `u${number}`,
  note: '',
  requestId: null,
  sortKey: number,
  createdAt: '2026-12-02T10:00:00.000Z',
  calledAt: null,
  missedAt: null,
  closedAt: null,
  serviceSeconds: null,
  alerted: false,
  alertedAt: null,
  ...patch,
});
