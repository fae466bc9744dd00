import type {
  Activity,
  Board,
  BookableService,
  Booking,
  BookingBrief,
  BookingList,
  BookingServices,
  CommunitySummary,
  QueueDesk,
  Identity,
  LineState,
  MyActivity,
  Notice,
  NoticeList,
  NoticeSummary,
  Slot,
  StaffBooking,
  StaffTicket,
  ResidentLimits,
  Ticket,
  Tonight,
  TonightMine,
} from '@/types/contract';

export const COMMUNITIES: CommunitySummary[] = [
  { id: 'huchi', name: '虎池苑' },
  { id: 'jinse', name: '金色里程' },
];

/** The default limits per resident (server/core/community/limits.ts). */
export const LIMITS_FIXTURE: ResidentLimits = {
  bookingsPerEvening: 2,
  openBookings: 4,
  numbersPerEvening: 3,
  openSignUps: 3,
};

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
    contactPhone: null,
    address: null,
    limits: LIMITS_FIXTURE,
    now: '2026-11-25T18:30:00+08:00',
    demoClock: false,
    notices: [],
    mine: null,
    servedBy: [],
    ...overrides,
  };
}

/** What a resident has in the community, as `community.tonight` brings it: nothing yet. */
export function tonightMineFixture(overrides: Partial<TonightMine> = {}): TonightMine {
  return { tickets: [], bookings: [], followUps: [], ...overrides };
}

/** My 政务服务 booking on Wednesday 2 December 2026 at 17:30, as the tonight page lists it. */
export function bookingBriefFixture(overrides: Partial<BookingBrief> = {}): BookingBrief {
  return {
    id: 'b-1',
    code: 'K7MP',
    community: 'jinse',
    service: 'paperwork',
    serviceName: '政务服务',
    date: '2026-12-02',
    startsAt: '17:30',
    status: 'confirmed',
    waitlistPosition: null,
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
  return { ...ticketFixture(overrides), note: '', companion: null, ...overrides };
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
    opensAt: '17:00',
    closesAt: '20:00',
    lastJoin: '19:30',
    paused: false,
    accepting: true,
    serviceMinutes: 5,
    version: 10,
    waitingNumbers: [4, 5, 6, 7, 8],
    calledNumbers: [3],
    missed: [],
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

/** The desk of 图书阅览: B003 called, B004 and B005 (a walk-in) waiting. */
export function queueDeskFixture(overrides: Partial<QueueDesk> = {}): QueueDesk {
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
    community: { id: 'jinse', name: '金色里程', contactPhone: '0512-6888 1234' },
    limits: LIMITS_FIXTURE,
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
    phase: 'ahead',
    late: false,
    ...overrides,
  };
}

/** One evening of 政务服务: started, two seats left, full with one waiting, one seat left. */
export function slotsFixture(date = '2026-12-02'): Slot[] {
  return [
    slotFixture({ date, startsAt: '17:00', endsAt: '17:30', open: false, phase: 'running' }),
    slotFixture({ date, startsAt: '17:30', endsAt: '18:00', left: 2 }),
    slotFixture({ date, startsAt: '18:00', endsAt: '18:30', left: 0, waitlisted: 1 }),
    slotFixture({ date, startsAt: '18:30', endsAt: '19:00', left: 1 }),
  ];
}

/** My 政务服务 booking on Wednesday 2 December 2026, 17:30–18:00, confirmed. */
export function bookingFixture(overrides: Partial<Booking> = {}): Booking {
  return {
    id: 'b-1',
    code: 'K7MP',
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
    changeable: true,
    contactPhone: '0512-6888 1234',
    createdAt: '2026-11-28T10:00:00+08:00',
    ...overrides,
  };
}

export function staffBookingFixture(overrides: Partial<StaffBooking> = {}): StaffBooking {
  return {
    ...bookingFixture(overrides),
    name: '',
    byStaff: false,
    moves: ['checkIn', 'complete'],
    companion: null,
    ...overrides,
  };
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
        code: 'W3AY',
        name: '王阿姨（电话预约）',
        byStaff: true,
        phone: '138****5678',
        moves: ['complete'],
      }),
      staffBookingFixture({ id: 'b-1' }),
      staffBookingFixture({
        id: 'b-3',
        slotId: 'jinse_paperwork_20261202_1800',
        startsAt: '18:00',
        endsAt: '18:30',
        status: 'waitlisted',
        code: 'Q9RT',
        waitlistPosition: 1,
        moves: [],
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

/** An activity of notice n-1: 书法体验课 on Wednesday 25 November, 18:30–19:30, 3 of 12 places left. */
export function noticeActivityFixture(overrides: Partial<Activity> = {}): Activity {
  return {
    id: 'a-1',
    noticeId: 'n-1',
    name: '书法体验课',
    date: '2026-11-25',
    startsAt: '18:30',
    endsAt: '19:30',
    place: '二楼活动室',
    capacity: 12,
    signUp: true,
    signed: 9,
    waitlisted: 0,
    left: 3,
    mine: null,
    ...overrides,
  };
}

/**
 * 金色里程's notice for the week of 23 November 2026 (published): 书法体验课 (places), 少儿绘本阅读
 * (no sign-up) tonight, and 太极拳 on Friday (full, two waiting).
 */
export function noticeFixture(overrides: Partial<Notice> = {}): Notice {
  return {
    id: 'n-1',
    community: 'jinse',
    week: '2026-11-23',
    title: '本周三晚 八点伴活动',
    body: '象棋角照常开放。\n书法课请自带毛笔，没有的现场借用。',
    cover: null,
    status: 'published',
    pinned: false,
    publishedAt: '2026-11-23T09:00:00+08:00',
    editedAt: null,
    openSignUps: 3,
    activities: [
      noticeActivityFixture(),
      noticeActivityFixture({
        id: 'a-2',
        name: '少儿绘本阅读',
        startsAt: '19:00',
        endsAt: '20:00',
        place: '图书角',
        capacity: null,
        signUp: false,
        signed: 0,
        left: null,
      }),
      noticeActivityFixture({
        id: 'a-3',
        name: '太极拳',
        date: '2026-11-27',
        startsAt: '18:00',
        endsAt: '19:00',
        place: '小广场',
        capacity: 20,
        signed: 20,
        waitlisted: 2,
        left: 0,
      }),
    ],
    ...overrides,
  };
}

/** Notice n-1 as the tonight page and the list show it: 书法体验课 tonight, three activities. */
export function noticeSummaryFixture(overrides: Partial<NoticeSummary> = {}): NoticeSummary {
  return {
    id: 'n-1',
    week: '2026-11-23',
    title: '本周三晚 八点伴活动',
    cover: null,
    pinned: false,
    edited: false,
    status: 'published',
    tonight: [{ id: 'a-1', name: '书法体验课', startsAt: '18:30', place: '二楼活动室' }],
    activityCount: 3,
    ...overrides,
  };
}

/** `notice.list` for this week (23 November) and next: notice n-1 only. */
export function noticeListFixture(overrides: Partial<NoticeList> = {}): NoticeList {
  return { thisWeek: '2026-11-23', notices: [noticeSummaryFixture()], ...overrides };
}

/** One of my sign-ups: 书法体验课 of notice n-1, holding a place. */
export function myActivityFixture(overrides: Partial<MyActivity> = {}): MyActivity {
  const { mine: _mine, ...activity } = noticeActivityFixture();
  return {
    signUp: { id: 's-1', status: 'signed', waitlistPosition: null, attendedAt: null },
    activity,
    notice: { id: 'n-1', title: '本周三晚 八点伴活动', community: 'jinse' },
    ...overrides,
  };
}

// ----- Staff side of notices (the notice desk). Imported under their own names here, so the
// import list at the top stays as it is.
import type {
  Activity as DeskActivity,
  Attendee as DeskAttendee,
  Attendees as DeskAttendees,
  Notice as DeskNotice,
  NoticeSummary as DeskNoticeSummary,
} from '@/types/contract';

const deskSummary = (
  overrides: Partial<DeskNoticeSummary> & Pick<DeskNoticeSummary, 'id' | 'title'>,
): DeskNoticeSummary => ({
  week: '2026-11-23',
  cover: null,
  pinned: false,
  edited: false,
  status: 'published',
  tonight: [],
  activityCount: 2,
  ...overrides,
});

/**
 * 金色里程's notices as `notice.manage` answers: the pinned and edited notice of this week, another
 * published one, next week's draft and last week's archived notice.
 */
export function staffNoticeSummariesFixture(): DeskNoticeSummary[] {
  return [
    deskSummary({ id: 'n-1', title: '本周三晚 八点伴活动', pinned: true, edited: true }),
    deskSummary({ id: 'n-2', title: '周末亲子手工', activityCount: 1 }),
    deskSummary({ id: 'n-3', title: '下周活动预告', week: '2026-11-30', status: 'draft' }),
    deskSummary({ id: 'n-4', title: '上周活动回顾', week: '2026-11-16', status: 'archived' }),
  ];
}

export function staffActivityFixture(overrides: Partial<DeskActivity> = {}): DeskActivity {
  return {
    id: 'act-1',
    noticeId: 'n-9',
    name: '书法体验课',
    date: '2026-12-02',
    startsAt: '18:30',
    endsAt: '19:30',
    place: '二楼活动室',
    capacity: 12,
    signUp: true,
    signed: 3,
    waitlisted: 1,
    left: 9,
    mine: null,
    ...overrides,
  };
}

/** A published notice for the week of 30 November 2026: 书法体验课 (12 places) and 象棋角 (just come). */
export function staffNoticeFixture(overrides: Partial<DeskNotice> = {}): DeskNotice {
  return {
    id: 'n-9',
    community: 'jinse',
    week: '2026-11-30',
    title: '十二月第一周活动',
    body: '象棋角照常开放。',
    cover: null,
    status: 'published',
    pinned: false,
    publishedAt: '2026-11-28T10:00:00+08:00',
    editedAt: null,
    openSignUps: 3,
    activities: [
      staffActivityFixture(),
      staffActivityFixture({
        id: 'act-2',
        name: '象棋角',
        date: '2026-12-04',
        startsAt: '19:00',
        endsAt: '20:30',
        place: '一楼大厅',
        capacity: null,
        signUp: false,
        signed: 0,
        waitlisted: 0,
        left: null,
      }),
    ],
    ...overrides,
  };
}

export function staffAttendeeFixture(overrides: Partial<DeskAttendee> = {}): DeskAttendee {
  return {
    id: 's-1',
    name: '王阿姨',
    status: 'signed',
    waitlistPosition: null,
    attendedAt: null,
    checkIn: null,
    checkInVia: null,
    byStaff: false,
    createdAt: '2026-11-29T09:00:00+08:00',
    ...overrides,
  };
}

/** 书法体验课 at the door: one arrived by scanning, one not yet, one waiting, one cancelled. */
export function staffAttendeesFixture(overrides: Partial<DeskAttendees> = {}): DeskAttendees {
  return {
    activity: staffActivityFixture(),
    notice: { id: 'n-9', title: '十二月第一周活动' },
    checkInCode: 'K7P2Q9',
    checkInPath: 'package-notice/pages/check-in/index?a=act-1&k=K7P2Q9',
    attendees: [
      staffAttendeeFixture({
        id: 's-1',
        name: '王阿姨',
        attendedAt: '2026-12-02T18:25:00+08:00',
        checkIn: 'self',
        checkInVia: 'scan',
      }),
      staffAttendeeFixture({ id: 's-2', name: '3栋 李伯伯' }),
      staffAttendeeFixture({
        id: 's-3',
        name: '居民（尾号 3f9a）',
        status: 'waitlisted',
        waitlistPosition: 1,
      }),
      staffAttendeeFixture({ id: 's-4', name: '赵大爷', status: 'cancelled' }),
    ],
    figures: { signed: 2, waitlisted: 1, attended: 1, cancelled: 1 },
    ...overrides,
  };
}

// ----- Residents' follow-ups and suggestions (package-suggestion). Imported under their own
// names here, so the import list at the top stays as it is.
import type {
  ChangeEntry as ResidentChangeEntry,
  ResidentFollowUp as ResidentFollowUpItem,
  Suggestion as ResidentSuggestion,
  EchoWall as ResidentEchoWall,
} from '@/types/contract';

/** A follow-up question about Wednesday 2 December at 金色里程, to answer in the app. */
export function residentFollowUpFixture(
  overrides: Partial<ResidentFollowUpItem> = {},
): ResidentFollowUpItem {
  return {
    id: 'f-1',
    community: 'jinse',
    communityName: '金色里程',
    date: '2026-12-02',
    services: ['政务服务 19:00', '书法体验课'],
    kind: 'ask',
    ...overrides,
  };
}

/** 周三晚增加康复理疗, since 9 December, made from suggestion JS-1202-003. */
export function changeEntryFixture(
  overrides: Partial<ResidentChangeEntry> = {},
): ResidentChangeEntry {
  return {
    id: 'ch-1',
    title: '周三晚增加康复理疗',
    detail: '根据居民建议，每周三晚增加康复理疗服务。\n请到二楼理疗室。',
    since: '2026-12-09',
    receipts: ['JS-1202-003'],
    createdAt: '2026-12-05T10:00:00+08:00',
    ...overrides,
  };
}

/** My suggestion JS-1202-003 about 开放时间, just received (no answer yet). */
export function mySuggestionFixture(
  overrides: Partial<ResidentSuggestion> = {},
): ResidentSuggestion {
  return {
    id: 'sg-1',
    receipt: 'JS-1202-003',
    community: 'jinse',
    category: 'hours',
    categoryName: '开放时间',
    text: '希望周五晚上也能开放',
    photo: null,
    status: 'received',
    reply: null,
    reason: null,
    change: null,
    mergedInto: null,
    solved: null,
    reopenable: false,
    createdAt: '2026-12-02T20:10:00+08:00',
    answeredAt: null,
    round: null,
    thread: [],
    ...overrides,
  };
}

/** 金色里程's public echo wall: one change and two answered suggestions; categories for the form. */
export function echoWallFixture(overrides: Partial<ResidentEchoWall> = {}): ResidentEchoWall {
  return {
    community: { id: 'jinse', name: '金色里程' },
    changes: [changeEntryFixture()],
    answered: [
      {
        receipt: 'JS-1202-003',
        categoryName: '开放时间',
        text: '希望周五晚上也能开放',
        status: 'adopted',
        reply: '从 12 月 9 日起，周三晚增加康复理疗',
        reason: null,
        answeredAt: '2026-12-04T10:00:00+08:00',
      },
      {
        receipt: 'JS-1201-001',
        categoryName: '环境设施',
        text: '活动室的灯太暗了',
        status: 'not-adopted',
        reply: '这学期暂时换不了灯',
        reason: '照明改造要等街道统一安排',
        answeredAt: '2026-12-03T15:00:00+08:00',
      },
    ],
    categories: [
      { id: 'bp', name: '血压测量' },
      { id: 'paperwork', name: '政务服务' },
      { id: 'hours', name: '开放时间' },
      { id: 'environment', name: '环境设施' },
      { id: 'other', name: '其他' },
    ],
    ...overrides,
  };
}

// ----- Staff follow-up and suggestion desks: 回访名单, 建议处理 and a resident's thread (package-staff). Imported under
// their own names here, so the import list at the top stays as it is.
import type {
  CallList as CallDeskList,
  FollowUpRule as CallDeskRule,
  FollowUpTask as CallDeskTask,
  StaffSuggestion as SuggestionDeskItem,
  Timeline as ResidentTimeline,
} from '@/types/contract';

/** 王阿姨's first call after Wednesday 2 December (政务服务 and 书法体验课), due today, not tried. */
export function followUpTaskFixture(overrides: Partial<CallDeskTask> = {}): CallDeskTask {
  return {
    id: 'fu-1',
    community: 'jinse',
    date: '2026-12-02',
    due: '2026-12-03',
    kind: 'first',
    channel: 'call',
    status: 'open',
    name: '王阿姨',
    resident: 'user-wang',
    phone: '13800005678',
    services: ['政务服务 19:00', '书法体验课'],
    attempts: [],
    result: null,
    closedReason: null,
    suggestionId: null,
    noCalls: false,
    ...overrides,
  };
}

/**
 * 金色里程's call list on Thursday 3 December: 王阿姨 (not tried), 3栋 李伯伯 (one missed call) and
 * 赵大爷's 复访 today; one overdue since 26 November; two later; one done and one closed lately.
 */
export function callListFixture(overrides: Partial<CallDeskList> = {}): CallDeskList {
  return {
    today: '2026-12-03',
    dueToday: [
      followUpTaskFixture(),
      followUpTaskFixture({
        id: 'fu-2',
        name: '3栋 李伯伯',
        resident: 'user-li',
        phone: '13900001111',
        services: ['血压测量 A003'],
        attempts: [{ outcome: 'no-answer', at: '2026-12-03T10:05:00+08:00', by: 'staff-1' }],
      }),
      followUpTaskFixture({
        id: 'fu-3',
        kind: 'senior',
        name: '赵大爷',
        resident: 'user-zhao',
        phone: '13700002222',
        services: ['家电维修 18:30'],
      }),
    ],
    overdue: [
      followUpTaskFixture({
        id: 'fu-4',
        date: '2026-11-25',
        due: '2026-11-26',
        name: '居民（尾号 3f9a）',
        resident: 'user-3f9a',
        phone: '13600003333',
        services: ['血压测量 A001'],
      }),
    ],
    upcoming: 2,
    recent: [
      followUpTaskFixture({
        id: 'fu-0',
        status: 'done',
        date: '2026-11-25',
        due: '2026-11-26',
        name: '孙奶奶',
        resident: 'user-sun',
        phone: '13500004444',
        services: ['政务服务 18:00'],
        attempts: [{ outcome: 'reached', at: '2026-11-26T10:00:00+08:00', by: 'staff-1' }],
        result: { satisfaction: 'mostly', solved: 'yes', note: '希望多开一晚' },
      }),
      followUpTaskFixture({
        id: 'fu-9',
        status: 'closed',
        date: '2026-11-25',
        due: '2026-11-26',
        name: '钱先生',
        resident: 'user-qian',
        phone: '13400005555',
        attempts: [{ outcome: 'wrong-number', at: '2026-11-26T10:30:00+08:00', by: 'staff-1' }],
        closedReason: '号码错误',
      }),
    ],
    ...overrides,
  };
}

/** 回访设置: 血压测量 the next day, 家电维修 two days after, activities not called. */
export function followUpRulesFixture(): CallDeskRule[] {
  return [
    { service: 'bp', name: '血压测量', followUp: true, delayDays: 1 },
    { service: 'repair', name: '家电维修', followUp: true, delayDays: 2 },
    { service: 'activity', name: '活动通知里的活动', followUp: false, delayDays: 1 },
  ];
}

/** 金色里程's suggestion categories: its services, then 开放时间, 环境设施 and 其他. */
export function suggestionCategoriesFixture(): Array<{ id: string; name: string }> {
  return [
    { id: 'bp', name: '血压测量' },
    { id: 'repair', name: '家电维修' },
    { id: 'chess', name: '棋牌娱乐' },
    { id: 'hours', name: '开放时间' },
    { id: 'environment', name: '环境设施' },
    { id: 'other', name: '其他' },
  ];
}

/** A resident's suggestion as staff see it: JS-1201-001 about 开放时间, with a photo, not answered. */
export function staffSuggestionFixture(
  overrides: Partial<SuggestionDeskItem> = {},
): SuggestionDeskItem {
  return {
    id: 'sg-1',
    receipt: 'JS-1201-001',
    community: 'jinse',
    category: 'hours',
    categoryName: '开放时间',
    text: '希望周五晚上也能开放',
    photo: '/media/sg-1.jpg',
    round: null,
    thread: [],
    status: 'received',
    reply: null,
    reason: null,
    change: null,
    mergedInto: null,
    solved: null,
    reopenable: false,
    createdAt: '2026-12-01T19:10:00+08:00',
    answeredAt: null,
    author: '居民（尾号 a1b2）',
    resident: 'user-a1b2',
    source: 'resident',
    followupId: null,
    ...overrides,
  };
}

/**
 * 金色里程's suggestions: one received, one from a call being looked at, two adopted (one by an
 * erased author), and a duplicate merged into the first.
 */
export function staffSuggestionsFixture(): SuggestionDeskItem[] {
  return [
    staffSuggestionFixture(),
    staffSuggestionFixture({
      id: 'sg-2',
      receipt: 'JS-1202-001',
      category: 'bp',
      categoryName: '血压测量',
      text: '量血压排队太久，希望多一台仪器',
      photo: null,
      status: 'reviewing',
      reply: '已收到，我们会在本周内研究',
      author: '王阿姨',
      resident: 'user-wang',
      source: 'call',
      followupId: 'fu-0',
      createdAt: '2026-12-02T15:20:00+08:00',
    }),
    staffSuggestionFixture({
      id: 'sg-3',
      receipt: 'JS-1202-002',
      category: 'environment',
      categoryName: '环境设施',
      text: '活动室的灯太暗了',
      photo: null,
      status: 'adopted',
      reply: '感谢建议，已经安排',
      author: '居民（尾号 c3d4）',
      resident: 'user-c3d4',
      createdAt: '2026-12-02T19:00:00+08:00',
      answeredAt: '2026-12-03T09:00:00+08:00',
    }),
    staffSuggestionFixture({
      id: 'sg-4',
      receipt: 'JS-1203-001',
      category: 'repair',
      categoryName: '家电维修',
      text: '家电维修能不能每周都有',
      photo: null,
      status: 'adopted',
      reply: '感谢建议，已经安排',
      author: '匿名',
      resident: null,
      createdAt: '2026-12-03T18:40:00+08:00',
      answeredAt: '2026-12-03T20:00:00+08:00',
    }),
    staffSuggestionFixture({
      id: 'sg-5',
      receipt: 'JS-1203-002',
      text: '周五也开吧',
      photo: null,
      status: 'merged',
      mergedInto: 'sg-1',
      reply: '与建议 JS-1201-001 内容相同，合并处理，结果请看 JS-1201-001',
      author: '居民（尾号 e5f6）',
      resident: 'user-e5f6',
      createdAt: '2026-12-03T19:30:00+08:00',
      answeredAt: '2026-12-03T20:10:00+08:00',
    }),
  ];
}

/** 王阿姨's thread at 金色里程: an evening, two calls and their result, a suggestion, its answer and change. */
export function residentTimelineFixture(
  overrides: Partial<ResidentTimeline> = {},
): ResidentTimeline {
  return {
    resident: 'user-wang',
    name: '王阿姨',
    entries: [
      {
        kind: 'visit',
        at: '2026-12-02T17:00:00+08:00',
        text: '2026-12-02 晚：政务服务 19:00、书法体验课',
      },
      { kind: 'follow-up', id: 'fu-1', at: '2026-12-03T10:05:00+08:00', text: '回访：无人接听' },
      { kind: 'follow-up', id: 'fu-1', at: '2026-12-03T15:20:00+08:00', text: '回访：已接通' },
      {
        kind: 'follow-up',
        id: 'fu-1',
        at: '2026-12-03T15:20:00+08:00',
        text: '结果：基本满意，部分解决（排队有点久）',
      },
      {
        kind: 'suggestion',
        id: 'sg-2',
        at: '2026-12-03T15:20:00+08:00',
        text: '建议 JS-1202-001：量血压排队太久，希望多一台仪器',
      },
      {
        kind: 'reply',
        id: 'sg-2',
        at: '2026-12-04T09:30:00+08:00',
        text: '已采纳：感谢建议，已经安排',
      },
      {
        kind: 'change',
        id: 'ch-2',
        at: '2026-12-05T11:00:00+08:00',
        text: '改进：血压测量增加一台仪器（2026-12-09 起）',
      },
    ],
    ...overrides,
  };
}

// ----- 居民点单 (package-suggestion) and 需要社工陪同. Imported under their own names here, so the
// import list at the top stays as it is.
import type {
  MyCompanion,
  RankedCandidate as SurveyCandidate,
  Round as SurveyRound,
} from '@/types/contract';

/** 政务服务 at the top of a ranking: 9 votes, 2 of them on paper. */
export function surveyCandidateFixture(overrides: Partial<SurveyCandidate> = {}): SurveyCandidate {
  return {
    id: 'paperwork',
    name: '政务服务',
    kind: 'booking',
    description: '社保、医保、居住证等业务代办',
    source: 'current',
    votes: 9,
    paperVotes: 2,
    rank: 1,
    proposed: true,
    ...overrides,
  };
}

/**
 * 金色里程's open round: up to 3 choices until 16 December, 12 voters, ten candidates; 血压测量
 * and 手机使用课 share second place, the last two are outside the top eight.
 */
export function surveyRoundFixture(overrides: Partial<SurveyRound> = {}): SurveyRound {
  const c = surveyCandidateFixture;
  return {
    id: 'round-1',
    community: 'jinse',
    title: '2027 年上半年 八点伴服务点单',
    maxChoices: 3,
    closesOn: '2026-12-16',
    status: 'open',
    voters: 12,
    ranking: [
      c(),
      c({
        id: 'health',
        name: '血压测量',
        kind: 'queue',
        description: '',
        votes: 7,
        paperVotes: 0,
        rank: 2,
      }),
      c({
        id: 'p-phone',
        name: '手机使用课',
        kind: 'drop-in',
        description: '教老人用手机挂号、缴费',
        source: 'proposal',
        votes: 7,
        paperVotes: 1,
        rank: 2,
      }),
      c({ id: 'library', name: '图书阅览', kind: 'queue', votes: 5, paperVotes: 0, rank: 4 }),
      c({
        id: 'calligraphy',
        name: '书法体验课',
        kind: 'drop-in',
        votes: 4,
        paperVotes: 0,
        rank: 5,
      }),
      c({
        id: 'p-repair',
        name: '家电维修',
        kind: 'booking',
        description: '小家电免费检修',
        source: 'suggestion',
        votes: 3,
        paperVotes: 0,
        rank: 6,
      }),
      c({ id: 'rehab', name: '康复理疗', kind: 'booking', votes: 2, paperVotes: 0, rank: 7 }),
      c({ id: 'kids', name: '儿童托管', kind: 'drop-in', votes: 2, paperVotes: 0, rank: 7 }),
      c({
        id: 'legal',
        name: '法律咨询',
        kind: 'booking',
        votes: 1,
        paperVotes: 0,
        rank: 9,
        proposed: false,
      }),
      c({
        id: 'haircut',
        name: '爱心理发',
        kind: 'queue',
        votes: 0,
        paperVotes: 0,
        rank: 10,
        proposed: false,
      }),
    ],
    tieAtCut: false,
    mine: null,
    menu: null,
    ...overrides,
  };
}

/** The resident's waiting request for a social worker, on ticket t-7 (B007). */
export function myCompanionFixture(overrides: Partial<MyCompanion> = {}): MyCompanion {
  return {
    id: 'cp-1',
    kind: 'ticket',
    ref: 't-7',
    about: '取号 B007 图书阅览',
    note: '',
    status: 'waiting',
    workerName: null,
    ...overrides,
  };
}

// ----- Staff survey, report and roster desks: 居民点单, 晚间报表, 值班与调休 (package-staff). Imported under their own
// names here, so the import list at the top stays as it is.
import type {
  CompanionRequest as DeskCompanion,
  CompBalance as DeskCompBalance,
  EveningReport as DeskEveningReport,
  EveningRoster as DeskEveningRoster,
  LeaveRequest as DeskLeave,
  Overview as DeskOverview,
  RankedCandidate as DeskCandidate,
  Round as DeskRound,
  ServiceFigures as DeskServiceFigures,
  Shift as DeskShift,
} from '@/types/contract';

const deskCandidate = (
  id: string,
  name: string,
  kind: DeskCandidate['kind'],
  source: DeskCandidate['source'],
  [votes, paperVotes, rank]: [number, number, number],
): DeskCandidate => ({
  id,
  name,
  kind,
  description: '',
  source,
  votes,
  paperVotes,
  rank,
  proposed: rank <= 8,
});

/**
 * 金色里程's open round as staff see it: up to 3 choices until 16 December, 20 voters, ten
 * candidates (six current services, three proposals, one from a suggestion); eight are in.
 */
export function deskRoundFixture(overrides: Partial<DeskRound> = {}): DeskRound {
  return {
    id: 'round-2',
    community: 'jinse',
    title: '2027 年上半年 服务点单',
    maxChoices: 3,
    closesOn: '2026-12-16',
    status: 'open',
    voters: 20,
    ranking: [
      deskCandidate('paperwork', '政务服务', 'booking', 'current', [12, 3, 1]),
      deskCandidate('bp', '血压测量', 'queue', 'current', [10, 0, 2]),
      deskCandidate('p-phone', '手机使用课', 'drop-in', 'proposal', [9, 1, 3]),
      deskCandidate('library', '图书阅览', 'queue', 'current', [7, 0, 4]),
      deskCandidate('repair', '家电维修', 'booking', 'current', [6, 0, 5]),
      deskCandidate('p-legal', '法律咨询', 'booking', 'suggestion', [5, 0, 6]),
      deskCandidate('chess', '棋牌娱乐', 'drop-in', 'current', [4, 0, 7]),
      deskCandidate('p-rehab', '康复理疗', 'booking', 'proposal', [3, 0, 8]),
      deskCandidate('p-kids', '儿童托管', 'drop-in', 'proposal', [1, 0, 9]),
      deskCandidate('haircut', '爱心理发', 'queue', 'current', [0, 0, 10]),
    ],
    tieAtCut: false,
    mine: null,
    menu: null,
    ...overrides,
  };
}

/** The same round closed, with 康复理疗 and 儿童托管 tied at eighth place: nine are in. */
export function deskTiedRoundFixture(): DeskRound {
  const round = deskRoundFixture({ status: 'closed' });
  return {
    ...round,
    ranking: round.ranking.map((c) =>
      c.id === 'p-kids' ? { ...c, votes: 3, rank: 8, proposed: true } : c,
    ),
    tieAtCut: true,
  };
}

/** The open round, then last year's published one. */
export function deskRoundsFixture(): DeskRound[] {
  const old = deskRoundFixture();
  return [
    deskRoundFixture(),
    {
      ...old,
      id: 'round-1',
      title: '2026 年下半年 服务点单',
      closesOn: '2026-06-15',
      status: 'published',
      voters: 31,
      menu: ['paperwork', 'bp', 'repair'],
    },
  ];
}

export function serviceFiguresFixture(
  overrides: Partial<DeskServiceFigures> = {},
): DeskServiceFigures {
  return {
    service: 'bp',
    name: '血压测量',
    kind: 'queue',
    visits: 12,
    people: 11,
    tickets: 14,
    bookings: 0,
    noShows: 2,
    waitMedian: 8,
    waitP90: 15.5,
    serviceMedian: 4,
    attendance: 0,
    satisfaction: { satisfied: 3, mostly: 1, unsatisfied: 1 },
    suggestions: { received: 2, answered: 1 },
    unitCost: 15,
    cost: 180,
    ...overrides,
  };
}

/**
 * 金色里程 on Wednesday 2 December: 血压测量 12 visits of 11 residents (a week earlier 9), 家电维修 5
 * (7, no unit cost), 棋牌娱乐 none, 活动 8 of 7 (5); 25 visits of 22 residents and 340 yuan against
 * 21 visits of 19 and 300.
 */
export function eveningReportFixture(
  overrides: Partial<DeskEveningReport> = {},
): DeskEveningReport {
  const f = serviceFiguresFixture;
  return {
    community: { id: 'jinse', name: '金色里程' },
    date: '2026-12-02',
    services: [
      f(),
      f({
        service: 'repair',
        name: '家电维修',
        kind: 'booking',
        visits: 5,
        people: 5,
        tickets: 0,
        bookings: 6,
        noShows: 1,
        waitMedian: null,
        waitP90: null,
        serviceMedian: null,
        satisfaction: { satisfied: 1, mostly: 0, unsatisfied: 0 },
        suggestions: { received: 0, answered: 0 },
        unitCost: null,
        cost: null,
      }),
      f({
        service: 'chess',
        name: '棋牌娱乐',
        kind: 'drop-in',
        visits: 0,
        people: 0,
        tickets: 0,
        noShows: 0,
        waitMedian: null,
        waitP90: null,
        serviceMedian: null,
        satisfaction: { satisfied: 0, mostly: 0, unsatisfied: 0 },
        suggestions: { received: 1, answered: 1 },
        unitCost: 0,
        cost: 0,
      }),
      f({
        service: 'activity',
        name: '活动',
        kind: 'activity',
        visits: 8,
        people: 7,
        tickets: 0,
        noShows: 0,
        waitMedian: null,
        waitP90: null,
        serviceMedian: null,
        attendance: 8,
        satisfaction: { satisfied: 2, mostly: 0, unsatisfied: 0 },
        suggestions: { received: 0, answered: 0 },
        unitCost: 20,
        cost: 160,
      }),
    ],
    totals: { visits: 25, people: 22, cost: 340 },
    previous: {
      date: '2026-11-25',
      visits: 21,
      people: 19,
      cost: 300,
      byService: { bp: 9, repair: 7, chess: 0, activity: 5 },
    },
    ...overrides,
  };
}

/** Both communities' last service evening on or before 3 December. */
export function overviewFixture(overrides: Partial<DeskOverview> = {}): DeskOverview {
  return {
    date: '2026-12-02',
    communities: [
      { id: 'huchi', name: '虎池苑', visits: 18, people: 15, cost: null, date: '2026-12-01' },
      { id: 'jinse', name: '金色里程', visits: 25, people: 22, cost: 340, date: '2026-12-02' },
    ],
    ...overrides,
  };
}

/** 李社工 (user u1) on 金色里程's roster on 2 December, 16:30–20:00, end not logged yet. */
export function rosterShiftFixture(overrides: Partial<DeskShift> = {}): DeskShift {
  return {
    id: 'sh-1',
    community: 'jinse',
    date: '2026-12-02',
    worker: 'u1',
    name: '李社工',
    start: '16:30',
    end: '20:00',
    loggedEnd: null,
    compMinutes: 0,
    ...overrides,
  };
}

/** 取号 B007, a resident who is hard of hearing, waiting for someone. */
export function rosterCompanionFixture(overrides: Partial<DeskCompanion> = {}): DeskCompanion {
  return {
    id: 'cp-1',
    community: 'jinse',
    date: '2026-12-02',
    kind: 'ticket',
    ref: 't-7',
    about: '取号 B007',
    note: '听障，请用文字沟通',
    worker: null,
    workerName: null,
    status: 'waiting',
    createdAt: '2026-12-02T18:20:00+08:00',
    ...overrides,
  };
}

/** 2 December at 金色里程: 李社工 (me) and 王社工 (left at 21:00); one waiting, one assigned companion. */
export function eveningRosterFixture(
  overrides: Partial<DeskEveningRoster> = {},
): DeskEveningRoster {
  return {
    community: 'jinse',
    date: '2026-12-02',
    shifts: [
      rosterShiftFixture(),
      rosterShiftFixture({
        id: 'sh-2',
        worker: 'staff-2',
        name: '王社工',
        start: '17:30',
        end: '20:30',
        loggedEnd: '21:00',
        compMinutes: 210,
      }),
    ],
    companions: [
      rosterCompanionFixture(),
      rosterCompanionFixture({
        id: 'cp-2',
        about: '预约 政务服务 19:00',
        note: '',
        worker: 'staff-2',
        workerName: '王社工',
        status: 'assigned',
        createdAt: '2026-12-02T18:40:00+08:00',
      }),
    ],
    ...overrides,
  };
}

export function leaveFixture(overrides: Partial<DeskLeave> = {}): DeskLeave {
  return {
    id: 'lv-1',
    worker: 'u1',
    name: '李社工',
    community: 'jinse',
    date: '2026-11-30',
    minutes: 60,
    note: '周一上午',
    status: 'approved',
    createdAt: '2026-11-27T10:00:00+08:00',
    ...overrides,
  };
}

/** My comp time: 3 h 45 min earned on 25 November, 1 h taken, 30 min awaiting approval. */
export function compBalanceFixture(overrides: Partial<DeskCompBalance> = {}): DeskCompBalance {
  return {
    accruedMinutes: 225,
    takenMinutes: 60,
    pendingMinutes: 30,
    balanceMinutes: 165,
    shifts: [
      rosterShiftFixture({
        id: 'sh-0',
        date: '2026-11-25',
        loggedEnd: '20:45',
        compMinutes: 225,
      }),
      rosterShiftFixture(),
    ],
    leave: [
      leaveFixture(),
      leaveFixture({ id: 'lv-2', date: '2026-12-07', minutes: 30, note: '', status: 'pending' }),
    ],
    companions: [
      rosterCompanionFixture({
        id: 'cp-0',
        date: '2026-11-25',
        about: '取号 A012',
        note: '行动不便，坐轮椅',
        worker: 'u1',
        workerName: '李社工',
        status: 'done',
      }),
    ],
    ...overrides,
  };
}

/** Leave awaiting an admin: 王社工 at 金色里程 and 赵社工 at 虎池苑. */
export function pendingLeaveFixture(): DeskLeave[] {
  return [
    leaveFixture({
      id: 'lv-3',
      worker: 'staff-2',
      name: '王社工',
      date: '2026-12-08',
      minutes: 120,
      note: '家里有事',
      status: 'pending',
    }),
    leaveFixture({
      id: 'lv-4',
      worker: 'staff-3',
      name: '赵社工',
      community: 'huchi',
      date: '2026-12-09',
      minutes: 90,
      note: '',
      status: 'pending',
    }),
  ];
}
