import type {
  Board,
  CommunitySummary,
  Console,
  Identity,
  LineState,
  StaffTicket,
  Ticket,
  Tonight,
} from '@/types/contract';

export const COMMUNITIES: CommunitySummary[] = [
  { id: 'huchi', name: '虎池苑' },
  { id: 'jinse', name: '金色里程' },
];

/** Jinse on Wednesday 2026-11-25 at 18:30, open. Override what a test is about. */
export function tonightFixture(overrides: Partial<Tonight> = {}): Tonight {
  return {
    community: { id: 'jinse', name: '金色里程' },
    date: '2026-11-25',
    weekday: 3,
    serviceEvening: true,
    open: true,
    opensAt: '17:00',
    closesAt: '20:00',
    nextOpening: null,
    evenings: [{ weekday: 3, opensAt: '17:00', closesAt: '20:00' }],
    services: [
      { id: 'bp', name: '血压测量', kind: 'queue', description: '血压、血糖快速检测' },
      { id: 'repair', name: '家电维修', kind: 'booking', description: '小家电上门前先来看看' },
      { id: 'chess', name: '棋牌娱乐', kind: 'drop-in', description: '象棋、围棋、扑克' },
    ],
    now: '2026-11-25T18:30:00+08:00',
    demoClock: false,
    ...overrides,
  };
}

export function identityFixture(overrides: Partial<Identity> = {}): Identity {
  return { userId: 'u1', role: 'resident', communities: [], ...overrides };
}

/** Ticket B007 on 图书阅览 at 金色里程, waiting with 4 ahead. */
export function ticketFixture(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: 't-7',
    community: 'jinse',
    queue: 'library',
    queueName: '图书阅览',
    date: '2026-11-25',
    number: 7,
    label: 'B007',
    status: 'waiting',
    ahead: 4,
    estimatedWaitMinutes: 20,
    walkIn: false,
    createdAt: '2026-11-25T18:20:00+08:00',
    calledAt: null,
    requeueUntil: null,
    requeueSecondsLeft: null,
    ...overrides,
  };
}

export function staffTicketFixture(overrides: Partial<StaffTicket> = {}): StaffTicket {
  return { ...ticketFixture(overrides), note: '', ...overrides };
}

/** The 图书阅览 line tonight: B003 at the desk, 5 waiting. */
export function lineFixture(overrides: Partial<LineState> = {}): LineState {
  return {
    community: 'jinse',
    queue: 'library',
    name: '图书阅览',
    prefix: 'B',
    date: '2026-11-25',
    nowCalling: 'B003',
    nowCallingAt: '2026-11-25T18:28:00+08:00',
    recentlyCalled: ['B003', 'B002', 'B001'],
    waiting: 5,
    issued: 8,
    capacity: 100,
    lastJoin: '19:30',
    paused: false,
    accepting: true,
    serviceMinutes: 5,
    version: 10,
    ...overrides,
  };
}

export function boardFixture(overrides: Partial<Board> = {}): Board {
  return {
    community: { id: 'jinse', name: '金色里程' },
    open: true,
    nextOpening: null,
    opensAt: '17:00',
    closesAt: '20:00',
    now: '2026-11-25T18:30:00+08:00',
    lines: [lineFixture({ queue: 'bp', name: '血压测量', prefix: 'A', nowCalling: 'A002' })],
    ...overrides,
  };
}

/** The console of 图书阅览: B003 called, B004 and B005 (a walk-in) waiting. */
export function consoleFixture(overrides: Partial<Console> = {}): Console {
  return {
    line: lineFixture({ waiting: 2 }),
    config: { capacity: 100, lastJoin: '19:30', graceMinutes: 10, defaultServiceMinutes: 5 },
    alerts: [{ kind: 'your-turn', label: 'B003', at: '2026-11-25T18:28:00+08:00' }],
    tickets: [
      staffTicketFixture({
        id: 't-3',
        number: 3,
        label: 'B003',
        status: 'called',
        ahead: 0,
        estimatedWaitMinutes: null,
        calledAt: '2026-11-25T18:28:00+08:00',
      }),
      staffTicketFixture({ id: 't-4', number: 4, label: 'B004', ahead: 0 }),
      staffTicketFixture({
        id: 't-5',
        number: 5,
        label: 'B005',
        ahead: 1,
        walkIn: true,
        note: '王阿姨，红外套',
      }),
    ],
    stats: { served: 2, missed: 0, cancelled: 1, averageServiceMinutes: 4.5 },
    ...overrides,
  };
}
