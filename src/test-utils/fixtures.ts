import type {
  Board,
  BookableService,
  Booking,
  BookingList,
  BookingServices,
  CommunitySummary,
  Console,
  Identity,
  LineState,
  Slot,
  StaffBooking,
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
    notices: [],
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
    activities: [],
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

/** 政务服务 at 金色里程: 30-minute slots, two seats each, changes up to 2 hours before. */
export function bookableServiceFixture(overrides: Partial<BookableService> = {}): BookableService {
  return {
    id: 'paperwork',
    name: '政务服务',
    description: '社保、医保、生育登记等业务办理',
    slotMinutes: 30,
    seatsPerSlot: 2,
    cutoffHours: 2,
    bring: ['身份证', '户口本'],
    weekdays: [],
    dates: ['2026-12-02', '2026-12-09', '2026-12-16', '2026-12-23'],
    ...overrides,
  };
}

/** Jinse's bookable services and the next four Wednesdays from 2 December 2026. */
/** Every service runs on every evening unless a test says otherwise: services share `dates`. */
export function bookingServicesFixture(overrides: Partial<BookingServices> = {}): BookingServices {
  const dates = overrides.dates ?? ['2026-12-02', '2026-12-09', '2026-12-16', '2026-12-23'];
  return {
    community: { id: 'jinse', name: '金色里程' },
    services: [
      bookableServiceFixture({ dates }),
      bookableServiceFixture({
        id: 'repair',
        name: '家电维修',
        description: '小家电、电动车电瓶检修',
        seatsPerSlot: 1,
        bring: ['需要维修的电器'],
        dates,
      }),
    ],
    ...overrides,
    dates,
  };
}

export function slotFixture(overrides: Partial<Slot> = {}): Slot {
  const date = overrides.date ?? '2026-12-02';
  const startsAt = overrides.startsAt ?? '17:30';
  return {
    id: `jinse_paperwork_${date.replace(/-/g, '')}_${startsAt.replace(':', '')}`,
    date,
    startsAt,
    endsAt: '18:00',
    seats: 2,
    left: 2,
    waitlisted: 0,
    open: true,
    ...overrides,
  };
}

/** One evening of 政务服务: started, two seats left, full with one waiting, one seat left. */
export function slotsFixture(date = '2026-12-02'): Slot[] {
  return [
    slotFixture({ date, startsAt: '17:00', endsAt: '17:30', open: false }),
    slotFixture({ date, startsAt: '17:30', endsAt: '18:00', left: 2 }),
    slotFixture({ date, startsAt: '18:00', endsAt: '18:30', left: 0, waitlisted: 1 }),
    slotFixture({ date, startsAt: '18:30', endsAt: '19:00', left: 1 }),
  ];
}

/** My 政务服务 booking on Wednesday 2 December 2026, 17:30–18:00, confirmed. */
export function bookingFixture(overrides: Partial<Booking> = {}): Booking {
  return {
    id: 'b-1',
    community: 'jinse',
    service: 'paperwork',
    serviceName: '政务服务',
    slotId: 'jinse_paperwork_20261202_1730',
    date: '2026-12-02',
    startsAt: '17:30',
    endsAt: '18:00',
    status: 'confirmed',
    waitlistPosition: null,
    phone: null,
    bring: ['身份证', '户口本'],
    changeableUntil: '2026-12-02T15:30:00+08:00',
    createdAt: '2026-11-28T10:00:00+08:00',
    ...overrides,
  };
}

export function staffBookingFixture(overrides: Partial<StaffBooking> = {}): StaffBooking {
  return { ...bookingFixture(overrides), name: '', byStaff: false, ...overrides };
}

/** Wednesday 2 December at 金色里程 as the desk sees it. */
export function bookingListFixture(overrides: Partial<BookingList> = {}): BookingList {
  return {
    date: '2026-12-02',
    bookings: [
      staffBookingFixture({
        id: 'b-2',
        slotId: 'jinse_paperwork_20261202_1800',
        startsAt: '18:00',
        endsAt: '18:30',
        status: 'checked-in',
        name: '王阿姨（电话预约）',
        byStaff: true,
        phone: '138****5678',
      }),
      staffBookingFixture({ id: 'b-1' }),
      staffBookingFixture({
        id: 'b-3',
        slotId: 'jinse_paperwork_20261202_1800',
        startsAt: '18:00',
        endsAt: '18:30',
        status: 'waitlisted',
        waitlistPosition: 1,
      }),
    ],
    figures: {
      booked: 2,
      checkedIn: 1,
      completed: 0,
      noShows: 0,
      cancelled: 1,
      waitlisted: 1,
      promotions: 0,
    },
    ...overrides,
  };
}
