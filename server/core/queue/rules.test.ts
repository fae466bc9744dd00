/** The queue's pure rules without a store: who may take a number when, and the estimate. */
import type { EveningRecord, TicketRecord } from '../ports';
import { joinBlock, keyOfTicketId, ticketChanges, ticketIdOf, type JoinRules } from './evening';
import { defaultConfig } from './lines';
import { serviceMinutesOf } from './views';
import { ticketRecord } from '../../testing/ticket-record';

/** 图书阅览 on Wednesday 2 December 2026, open 17:00–20:00, last number at 19:30. */
const line = (overrides: Partial<JoinRules> = {}): JoinRules => ({
  date: '2026-12-02',
  opensAt: '17:00',
  closesAt: '20:00',
  lastJoin: '19:30',
  paused: false,
  issued: 3,
  capacity: 100,
  ...overrides,
});
const at = (hhmmss: string, date = '2026-12-02') => new Date(`${date}T${hhmmss}+08:00`);

describe('joinBlock: can a number be taken now', () => {
  it.each([
    ['16:59:59', 'closed'],
    ['17:00:00', null],
    ['19:29:59', null],
    ['19:30:00', 'last-join'],
    ['19:59:59', 'last-join'],
    ['20:00:00', 'closed'],
  ])('at %s Shanghai time: %s', (time, expected) => {
    expect(joinBlock(line(), at(time))).toBe(expected);
  });

  it('reckons in Asia/Shanghai whatever the machine’s zone (19:30 Shanghai is 11:30 UTC)', () => {
    expect(joinBlock(line(), new Date('2026-12-02T11:29:59Z'))).toBeNull();
    expect(joinBlock(line(), new Date('2026-12-02T11:30:00Z'))).toBe('last-join');
  });

  it('is closed on another date, and on a day without hours', () => {
    expect(joinBlock(line(), at('18:30:00', '2026-12-09'))).toBe('closed');
    expect(joinBlock(line({ opensAt: '', closesAt: '' }), at('18:30:00'))).toBe('closed');
  });

  it('says paused, then full, in that order', () => {
    expect(joinBlock(line({ paused: true }), at('18:30:00'))).toBe('paused');
    expect(joinBlock(line({ issued: 100 }), at('18:30:00'))).toBe('full');
    expect(joinBlock(line({ paused: true, issued: 100 }), at('18:30:00'))).toBe('paused');
    expect(joinBlock(line({ paused: true }), at('19:40:00'))).toBe('last-join');
  });

  it('waives last-join and the pause for staff adding a walk-in, not the hours or capacity', () => {
    expect(joinBlock(line({ paused: true }), at('19:45:00'), true)).toBeNull();
    expect(joinBlock(line({ issued: 100 }), at('19:45:00'), true)).toBe('full');
    expect(joinBlock(line(), at('20:00:00'), true)).toBe('closed');
  });
});

describe('serviceMinutesOf: the estimate per resident', () => {
  const config = defaultConfig('20:00');
  let number = 0;
  const served = (serviceSeconds: number | null, status: TicketRecord['status'] = 'done') => {
    number += 1;
    return ticketRecord(number, {
      status,
      calledAt: '2026-12-02T10:30:00.000Z',
      serviceSeconds,
      alerted: true,
    });
  };

  it('keeps the default until three residents were really served', () => {
    expect(serviceMinutesOf([], config)).toBe(5);
    expect(serviceMinutesOf([served(480), served(720)], config)).toBe(5);
    expect(serviceMinutesOf([served(480), served(720), served(600)], config)).toBe(10);
  });

  it('ignores call-throughs shorter than a minute: fast 叫下一位 taps do not make it 0', () => {
    const taps = Array.from({ length: 12 }, (_, i) => served(i % 3));
    expect(serviceMinutesOf(taps, config)).toBe(5);
    // Two real services among the taps are not enough yet; a third is, and only they count.
    const real = [served(420), served(540)];
    expect(serviceMinutesOf([...taps, ...real], config)).toBe(5);
    expect(serviceMinutesOf([...taps, ...real, served(60)], config)).toBe(5.7);
  });

  it('counts only completed tickets, and stays within 1 to 60 minutes', () => {
    const open = [served(900, 'called'), served(900, 'missed'), served(null)];
    expect(serviceMinutesOf([...open, served(300), served(300)], config)).toBe(5);
    expect(serviceMinutesOf([served(7200), served(7200), served(7200)], config)).toBe(60);
  });
});

describe('ticketChanges: what a store writes', () => {
  const ticket = (number: number, over: Partial<TicketRecord> = {}): TicketRecord =>
    ticketRecord(number, {
      id: `k-${number}`,
      community: 'c1',
      queue: 'q1',
      userId: null,
      createdAt: '2026-12-02T09:00:00.000Z',
      ...over,
    });
  const evening = (tickets: TicketRecord[]): EveningRecord => ({
    community: 'c1',
    queue: 'q1',
    date: '2026-12-02',
    key: 'k',
    setup: null,
    paused: false,
    lastNumber: tickets.length,
    version: 1,
    tickets,
  });

  it('adds every ticket of a new evening', () => {
    const one = ticket(1);
    expect(ticketChanges(null, evening([one]))).toEqual({ added: [one], changed: [] });
  });

  it('keeps untouched and equal tickets, changes the rest, adds the new', () => {
    const [one, two, three] = [ticket(1), ticket(2), ticket(3)];
    const called = { ...two, status: 'called' as const };
    const next = evening([one, called, { ...three }, ticket(4)]);
    expect(ticketChanges(evening([one, two, three]), next)).toEqual({
      added: [ticket(4)],
      changed: [called],
    });
  });
});

describe('keyOfTicketId: the evening a ticket id names', () => {
  it('reads the key back from ticketIdOf, and nothing from other ids', () => {
    expect(keyOfTicketId(ticketIdOf('aB3xYz9QwE1r', 12))).toBe('aB3xYz9QwE1r');
    expect(keyOfTicketId('aB3-x')).toBeNull();
    expect(keyOfTicketId('t1')).toBeNull();
    expect(keyOfTicketId('a-b-1')).toBeNull();
  });
});
