import type { Booking } from '../../../contract/booking';
import type { Ticket } from '../../../contract/queue';
import type { ActivityAlert, Alert, BookingAlert, ResidentAlert } from '../../core/ports';
import {
  ACTIVITY_TEMPLATE_DATA,
  ACTIVITY_TEMPLATE_ENV,
  BOOKING_TEMPLATE_DATA,
  BOOKING_TEMPLATE_ENV,
  bookingPage,
  createNotifier,
  noticePage,
  reminderTip,
  RESIDENT_TEMPLATE_DATA,
  RESIDENT_TEMPLATE_ENV,
  TEMPLATE_DATA,
  ticketPage,
  type SendSubscribeMessage,
  type SubscribeMessage,
} from './notifier';

const ticket = (fields: Partial<Ticket> = {}): Ticket => ({
  id: 'tkt_AbC-123',
  community: 'c1',
  queue: 'library',
  queueName: '图书阅览',
  date: '2026-12-02',
  number: 7,
  label: 'A007',
  status: 'waiting',
  ahead: 2,
  estimatedWaitMinutes: 10,
  walkIn: false,
  createdAt: '2026-12-02T18:40:00+08:00',
  calledAt: null,
  requeueUntil: null,
  requeueSecondsLeft: null,
  ...fields,
});

const alert = (fields: Partial<Alert> = {}): Alert => ({
  userId: 'wx:o-resident',
  at: '2026-12-02T10:30:00.000Z',
  kind: 'three-ahead',
  ticket: ticket(),
  ...fields,
});

const booking = (fields: Partial<Booking> = {}): Booking => ({
  id: 'bkg_AbC-123',
  code: 'K7MP',
  community: 'c1',
  service: 'paperwork',
  serviceName: '政务服务',
  slotId: 'c1_paperwork_20261202_1730',
  date: '2026-12-02',
  startsAt: '17:30',
  endsAt: '18:00',
  status: 'confirmed',
  waitlistPosition: null,
  phone: null,
  bring: ['身份证'],
  changeableUntil: '2026-12-02T15:30:00+08:00',
  changeable: true,
  contactPhone: null,
  createdAt: '2026-12-01T10:00:00+08:00',
  ...fields,
});

const bookingAlert = (fields: Partial<BookingAlert> = {}): BookingAlert => ({
  userId: 'wx:o-resident',
  at: '2026-12-02T06:00:00.000Z',
  kind: 'booking-promoted',
  booking: booking(),
  ...fields,
});

const activityAlert = (fields: Partial<ActivityAlert> = {}): ActivityAlert => ({
  userId: 'wx:o-resident',
  at: '2026-12-01T06:00:00.000Z',
  kind: 'activity-promoted',
  activity: {
    id: 'act_AbC-123',
    community: 'c1',
    name: '书法体验课',
    date: '2026-12-02',
    startsAt: '18:30',
    place: '二楼活动室',
  },
  notice: { id: 'ntc_AbC-123', title: '本周三晚 八点伴活动' },
  ...fields,
});

const residentAlert = (fields: Partial<ResidentAlert> = {}): ResidentAlert => ({
  userId: 'wx:o-resident',
  // 09:00 on 3 December in Asia/Shanghai.
  at: '2026-12-03T01:00:00.000Z',
  kind: 'suggestion-status',
  community: 'c1',
  text: '您的建议 JS-1202-003 已采纳',
  page: 'package-suggestion/pages/mine/index',
  ...fields,
});

const ENV = {
  TMPL_FOLLOW_UP: 'tmpl-follow-up',
  TMPL_QUEUE_THREE_AHEAD: 'tmpl-three',
  TMPL_QUEUE_YOUR_TURN: 'tmpl-turn',
  TMPL_BOOKING_PROMOTED: 'tmpl-promoted',
  TMPL_BOOKING_REMINDER: 'tmpl-reminder',
  TMPL_ACTIVITY_PROMOTED: 'tmpl-activity',
};

let send: jest.Mock<ReturnType<SendSubscribeMessage>, [SubscribeMessage]>;
const log = { warn: jest.fn(), error: jest.fn() };
const notifier = (env: Record<string, string> = ENV) => createNotifier(send, { env, log });

beforeEach(() => {
  send = jest.fn(async (_message: SubscribeMessage): Promise<unknown> => ({
    errCode: 0,
    errMsg: 'openapi.subscribeMessage.send:ok',
  }));
  log.warn.mockReset();
  log.error.mockReset();
});

describe('createNotifier', () => {
  it('sends the "3 ahead" message to the openid with the template, page and keyword data', async () => {
    await notifier().notify(alert());
    expect(send).toHaveBeenCalledWith({
      touser: 'o-resident',
      templateId: 'tmpl-three',
      page: 'pages/ticket/index?id=tkt_AbC-123&c=c1',
      data: {
        character_string1: { value: 'A007' },
        thing2: { value: '图书阅览' },
        number3: { value: '2' },
        thing4: { value: '前面还有2位，请回到服务台附近' },
      },
      miniprogramState: 'formal',
    });
    expect(log.warn).not.toHaveBeenCalled();
    expect(log.error).not.toHaveBeenCalled();
  });

  it('sends "your turn" with its own template and tip', async () => {
    await notifier().notify(
      alert({ kind: 'your-turn', ticket: ticket({ status: 'called', ahead: 0 }) }),
    );
    expect(send).toHaveBeenCalledWith(
      expect.objectContaining({
        templateId: 'tmpl-turn',
        data: expect.objectContaining({
          number3: { value: '0' },
          thing4: { value: '轮到您了，请到服务台' },
        }),
      }),
    );
  });

  it('tells the next resident they are next', async () => {
    await notifier().notify(alert({ ticket: ticket({ ahead: 0 }) }));
    expect(send.mock.calls[0]![0].data.thing4).toEqual({ value: '下一位就是您，请回到服务台附近' });
  });

  it('keeps every thing value within 20 characters', async () => {
    const long = '社区卫生服务站健康咨询与慢性病随访登记窗口（二楼东侧）';
    await notifier().notify(alert({ ticket: ticket({ queueName: long }) }));
    const data = send.mock.calls[0]![0].data;
    expect(Array.from(data.thing2!.value)).toHaveLength(20);
    expect(data.thing2!.value).toBe(Array.from(long).slice(0, 20).join(''));
    for (const [key, { value }] of Object.entries(data)) {
      if (key.startsWith('thing')) expect(Array.from(value).length).toBeLessThanOrEqual(20);
    }
  });

  it('maps data from one table, every key a WeChat keyword', () => {
    expect(Object.keys(TEMPLATE_DATA)).toEqual([
      'character_string1',
      'thing2',
      'number3',
      'thing4',
    ]);
    expect(ticketPage('a b', 'jinse')).toBe('pages/ticket/index?id=a%20b&c=jinse');
  });

  it('takes miniprogramState from MP_STATE, falling back to formal with a warning', async () => {
    await notifier({ ...ENV, MP_STATE: 'trial' }).notify(alert());
    expect(send.mock.calls[0]![0].miniprogramState).toBe('trial');
    await notifier({ ...ENV, MP_STATE: 'staging' }).notify(alert());
    expect(send.mock.calls[1]![0].miniprogramState).toBe('formal');
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn.mock.calls[0]![0]).toContain('MP_STATE');
  });

  it('ignores users who are not WeChat identities', async () => {
    await notifier().notify(alert({ userId: 'u_local123' }));
    await notifier().notify(alert({ userId: 'wx:' }));
    expect(send).not.toHaveBeenCalled();
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('skips an alert whose template is not configured, warning once per template', async () => {
    const n = notifier({ TMPL_QUEUE_YOUR_TURN: 'tmpl-turn' });
    await n.notify(alert());
    await n.notify(alert());
    await n.notify(alert({ kind: 'your-turn' }));
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]![0].templateId).toBe('tmpl-turn');
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn.mock.calls[0]![0]).toContain('TMPL_QUEUE_THREE_AHEAD is not set');
  });

  it('logs a refused subscription (43101) as a warning and never throws', async () => {
    send.mockRejectedValueOnce(
      Object.assign(new Error('errCode: 43101 | errMsg: user refuse to accept the msg'), {
        errCode: 43101,
      }),
    );
    await expect(notifier().notify(alert())).resolves.toBeUndefined();
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn.mock.calls[0]![0]).toContain('tkt_AbC-123');
    expect(log.warn.mock.calls[0]![0]).toContain('43101');
    // The openid stays out of the log.
    expect(log.warn.mock.calls[0]![0]).not.toContain('o-resident');
  });

  it('logs other failures as errors, whether rejected or resolved with an errCode', async () => {
    send.mockRejectedValueOnce(new Error('network down'));
    await expect(notifier().notify(alert())).resolves.toBeUndefined();
    send.mockResolvedValueOnce({ errCode: 47003, errMsg: 'argument invalid! data.thing2.value' });
    await expect(notifier().notify(alert())).resolves.toBeUndefined();
    expect(log.error).toHaveBeenCalledTimes(2);
    expect(log.error.mock.calls[0]![1]).toEqual(new Error('network down'));
    expect(log.error.mock.calls[1]![0]).toContain('47003');
  });
});

describe('createNotifier: booking notices', () => {
  it('sends "promoted" to the openid with its template, the booking page and the keywords', async () => {
    await notifier().notifyBooking(bookingAlert());
    expect(send).toHaveBeenCalledWith({
      touser: 'o-resident',
      templateId: 'tmpl-promoted',
      page: 'package-booking/pages/mine/index?id=bkg_AbC-123',
      data: {
        thing1: { value: '政务服务' },
        time2: { value: '2026-12-02 17:30' },
        thing3: { value: '候补成功，请按时到达' },
      },
      miniprogramState: 'formal',
    });
    expect(log.warn).not.toHaveBeenCalled();
    expect(log.error).not.toHaveBeenCalled();
  });

  it('sends the reminder with its own template and what to bring', async () => {
    await notifier().notifyBooking(bookingAlert({ kind: 'booking-reminder' }));
    expect(send).toHaveBeenCalledWith(
      expect.objectContaining({
        templateId: 'tmpl-reminder',
        data: expect.objectContaining({ thing3: { value: '今晚记得来，请带上：身份证' } }),
      }),
    );
  });

  it('keeps the tip within 20 characters, listing only whole items', () => {
    expect(reminderTip([])).toBe('今晚记得来，请按时到达');
    expect(reminderTip(['身份证', '户口本'])).toBe('今晚记得来，请带上：身份证、户口本');
    expect(reminderTip(['身份证', '户口本', '房产证明'])).toBe(
      '今晚记得来，请带上：身份证、户口本等',
    );
    expect(reminderTip(['需要维修的小家电及配件说明书'])).toBe('今晚记得来，请带齐材料');
    for (const bring of [
      [],
      ['身份证'],
      ['身份证', '户口本', '房产证明', '照片'],
      ['一二三四五六七八九十'],
    ]) {
      expect(Array.from(reminderTip(bring)).length).toBeLessThanOrEqual(20);
    }
  });

  it('clips a long service name to 20 characters', async () => {
    const long = '社区卫生服务站健康咨询与慢性病随访登记窗口（二楼东侧）';
    await notifier().notifyBooking(bookingAlert({ booking: booking({ serviceName: long }) }));
    const data = send.mock.calls[0]![0].data;
    expect(data.thing1!.value).toBe(Array.from(long).slice(0, 20).join(''));
  });

  it('maps data from one table, every key a WeChat keyword, and escapes the page id', () => {
    expect(Object.keys(BOOKING_TEMPLATE_DATA)).toEqual(['thing1', 'time2', 'thing3']);
    expect(BOOKING_TEMPLATE_ENV).toEqual({
      'booking-promoted': 'TMPL_BOOKING_PROMOTED',
      'booking-reminder': 'TMPL_BOOKING_REMINDER',
    });
    expect(bookingPage('a b')).toBe('package-booking/pages/mine/index?id=a%20b');
  });

  it('ignores users who are not WeChat identities', async () => {
    await notifier().notifyBooking(bookingAlert({ userId: 'u_local123' }));
    await notifier().notifyBooking(bookingAlert({ userId: 'wx:' }));
    expect(send).not.toHaveBeenCalled();
  });

  it('skips a notice whose template is not configured, warning once per kind', async () => {
    const n = notifier({ TMPL_BOOKING_REMINDER: 'tmpl-reminder' });
    await n.notifyBooking(bookingAlert());
    await n.notifyBooking(bookingAlert());
    await n.notifyBooking(bookingAlert({ kind: 'booking-reminder' }));
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]![0].templateId).toBe('tmpl-reminder');
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn.mock.calls[0]![0]).toContain('TMPL_BOOKING_PROMOTED is not set');
  });

  it('logs failures with the booking id, never the openid, and never throws', async () => {
    send.mockRejectedValueOnce(Object.assign(new Error('refused'), { errCode: 43101 }));
    await expect(notifier().notifyBooking(bookingAlert())).resolves.toBeUndefined();
    send.mockRejectedValueOnce(new Error('network down'));
    await expect(notifier().notifyBooking(bookingAlert())).resolves.toBeUndefined();
    send.mockResolvedValueOnce({ errCode: 47003, errMsg: 'argument invalid! data.time2.value' });
    await expect(notifier().notifyBooking(bookingAlert())).resolves.toBeUndefined();

    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn.mock.calls[0]![0]).toContain(
      '"booking-promoted" notice for booking bkg_AbC-123',
    );
    expect(log.error).toHaveBeenCalledTimes(2);
    expect(log.error.mock.calls[0]![1]).toEqual(new Error('network down'));
    expect(log.error.mock.calls[1]![0]).toContain('47003');
    for (const [line] of [...log.warn.mock.calls, ...log.error.mock.calls]) {
      expect(line).not.toContain('o-resident');
    }
  });
});

describe('createNotifier: activity notices', () => {
  it('sends "promoted" with its template, the notice page and the keywords', async () => {
    await notifier().notifyActivity(activityAlert());
    expect(send).toHaveBeenCalledWith({
      touser: 'o-resident',
      templateId: 'tmpl-activity',
      page: 'package-notice/pages/detail/index?id=ntc_AbC-123',
      data: {
        thing1: { value: '书法体验课' },
        time2: { value: '2026-12-02 18:30' },
        thing3: { value: '二楼活动室' },
        thing4: { value: '候补成功，请按时参加' },
      },
      miniprogramState: 'formal',
    });
    expect(log.warn).not.toHaveBeenCalled();
    expect(log.error).not.toHaveBeenCalled();
  });

  it('maps data from one table, clips things to 20 characters and escapes the page id', async () => {
    expect(Object.keys(ACTIVITY_TEMPLATE_DATA)).toEqual(['thing1', 'time2', 'thing3', 'thing4']);
    expect(ACTIVITY_TEMPLATE_ENV).toEqual({ 'activity-promoted': 'TMPL_ACTIVITY_PROMOTED' });
    expect(noticePage('a b')).toBe('package-notice/pages/detail/index?id=a%20b');
    const long = '社区卫生服务站健康咨询与慢性病随访登记讲座（二楼东侧）';
    const alert = activityAlert();
    await notifier().notifyActivity({
      ...alert,
      activity: { ...alert.activity, name: long, place: long },
    });
    const data = send.mock.calls[0]![0].data;
    expect(data.thing1!.value).toBe(Array.from(long).slice(0, 20).join(''));
    expect(data.thing3!.value).toBe(Array.from(long).slice(0, 20).join(''));
    for (const [key, { value }] of Object.entries(data)) {
      if (key.startsWith('thing')) expect(Array.from(value).length).toBeLessThanOrEqual(20);
    }
  });

  it('skips quietly without TMPL_ACTIVITY_PROMOTED: one warning, nothing sent', async () => {
    const { TMPL_ACTIVITY_PROMOTED: _unset, ...env } = ENV;
    const n = notifier(env);
    await n.notifyActivity(activityAlert());
    await n.notifyActivity(activityAlert());
    expect(send).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn.mock.calls[0]![0]).toContain('TMPL_ACTIVITY_PROMOTED is not set');
  });

  it('ignores users who are not WeChat identities', async () => {
    await notifier().notifyActivity(activityAlert({ userId: 'u_local123' }));
    expect(send).not.toHaveBeenCalled();
  });

  it('logs failures with the activity id, never the openid, and never throws', async () => {
    send.mockRejectedValueOnce(Object.assign(new Error('refused'), { errCode: 43101 }));
    await expect(notifier().notifyActivity(activityAlert())).resolves.toBeUndefined();
    send.mockRejectedValueOnce(new Error('network down'));
    await expect(notifier().notifyActivity(activityAlert())).resolves.toBeUndefined();
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn.mock.calls[0]![0]).toContain(
      '"activity-promoted" notice for activity act_AbC-123',
    );
    expect(log.error).toHaveBeenCalledTimes(1);
    for (const [line] of [...log.warn.mock.calls, ...log.error.mock.calls]) {
      expect(line).not.toContain('o-resident');
    }
  });
});

describe('createNotifier: follow-up and suggestion messages', () => {
  it('sends the text and the time with the follow-up template, opening the page of the alert', async () => {
    await notifier().notifyResident(residentAlert());
    expect(send).toHaveBeenCalledWith({
      touser: 'o-resident',
      templateId: 'tmpl-follow-up',
      page: 'package-suggestion/pages/mine/index',
      data: {
        thing1: { value: '您的建议 JS-1202-003 已采纳' },
        time2: { value: '2026-12-03 09:00' },
      },
      miniprogramState: 'formal',
    });
    expect(log.warn).not.toHaveBeenCalled();
    expect(log.error).not.toHaveBeenCalled();
  });

  it('uses one template for all four kinds, from one table', async () => {
    expect(RESIDENT_TEMPLATE_ENV).toEqual({
      'evening-cancelled': 'TMPL_FOLLOW_UP',
      'follow-up-ask': 'TMPL_FOLLOW_UP',
      'follow-up-invite': 'TMPL_FOLLOW_UP',
      'suggestion-status': 'TMPL_FOLLOW_UP',
    });
    expect(Object.keys(RESIDENT_TEMPLATE_DATA)).toEqual(['thing1', 'time2']);
    await notifier().notifyResident(residentAlert({ kind: 'follow-up-ask', page: 'p/a' }));
    await notifier().notifyResident(residentAlert({ kind: 'follow-up-invite', page: 'p/b' }));
    expect(send.mock.calls.map(([m]) => [m.templateId, m.page])).toEqual([
      ['tmpl-follow-up', 'p/a'],
      ['tmpl-follow-up', 'p/b'],
    ]);
  });

  it('cuts a long text to 20 characters, ending in "…"', async () => {
    const text = '幸福里社区想听听您对 12-01 晚上服务的感受';
    await notifier().notifyResident(residentAlert({ kind: 'follow-up-ask', text }));
    const { value } = send.mock.calls[0]![0].data.thing1!;
    expect(Array.from(value)).toHaveLength(20);
    expect(value).toBe(`${Array.from(text).slice(0, 19).join('')}…`);
  });

  it('skips quietly without TMPL_FOLLOW_UP: one warning per kind, nothing sent', async () => {
    const { TMPL_FOLLOW_UP: _unset, ...env } = ENV;
    const n = notifier(env);
    await n.notifyResident(residentAlert());
    await n.notifyResident(residentAlert());
    expect(send).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn.mock.calls[0]![0]).toContain('TMPL_FOLLOW_UP is not set');
  });

  it('ignores users who are not WeChat identities', async () => {
    await notifier().notifyResident(residentAlert({ userId: 'u_local123' }));
    expect(send).not.toHaveBeenCalled();
  });

  it('logs failures with the kind and community, never the openid or the text, and never throws', async () => {
    send.mockRejectedValueOnce(Object.assign(new Error('refused'), { errCode: 43101 }));
    await expect(notifier().notifyResident(residentAlert())).resolves.toBeUndefined();
    send.mockRejectedValueOnce(new Error('network down'));
    await expect(notifier().notifyResident(residentAlert())).resolves.toBeUndefined();
    send.mockResolvedValueOnce({ errCode: 41030, errMsg: 'invalid page' });
    await expect(notifier().notifyResident(residentAlert())).resolves.toBeUndefined();
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn.mock.calls[0]![0]).toContain('"suggestion-status" message in community c1');
    expect(log.error).toHaveBeenCalledTimes(2);
    expect(log.error.mock.calls[1]![0]).toContain('41030');
    for (const [line] of [...log.warn.mock.calls, ...log.error.mock.calls]) {
      expect(line).not.toContain('o-resident');
      expect(line).not.toContain('JS-1202-003');
    }
  });
});
