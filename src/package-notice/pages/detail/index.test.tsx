import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { GatewayError, NETWORK_MESSAGE } from '@/lib/gateway';
import { noticeActivityFixture, noticeFixture } from '@/test-utils/fixtures';
import { callMock, callsOf, routeCalls, type Handlers } from '@/test-utils/mock-gateway';
import type { Activity, MySignUp, Notice } from '@/types/contract';
import { navigateTo, resetTaroDouble, setRouterParams } from '../../../../tests/doubles/taro';
import NoticeDetailPage from './index';

jest.mock('@/lib/gateway', () => ({ ...jest.requireActual('@/lib/gateway'), call: jest.fn() }));

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
  setRouterParams({ id: 'n-1' });
});

const signed: MySignUp = { id: 's-1', status: 'signed', waitlistPosition: null, attendedAt: null };

async function openNotice(handlers: Handlers = {}, notice: Notice = noticeFixture()) {
  routeCalls({ 'notice.get': async () => notice, ...handlers });
  const view = render(<NoticeDetailPage />);
  await screen.findByText('本周三晚 八点伴活动');
  return view;
}

/** The card of one activity, by its name. */
function cardOf(container: HTMLElement, name: string): HTMLElement {
  const card = [...container.querySelectorAll<HTMLElement>('.bdb-activity-card')].find(
    (c) => c.querySelector('.bdb-activity-card__name')?.textContent === name,
  );
  if (!card) throw new Error(`no card for ${name}`);
  return card;
}

const stateOf = (card: HTMLElement) =>
  card.querySelector('.bdb-activity-card__state')?.textContent ?? null;

describe('notice detail page', () => {
  it('shows the notice: tags with the update time, cover, body as plain text and each activity', async () => {
    const { container } = await openNotice(
      {},
      noticeFixture({
        pinned: true,
        editedAt: '2026-11-24T10:05:00+08:00',
        cover: 'https://example.test/media/cover.jpg',
        body: '第一行\n第二行 <b>不是粗体</b>',
      }),
    );

    expect(screen.getByText('置顶')).toBeTruthy();
    expect(screen.getByText('已更新')).toBeTruthy();
    expect(screen.getByText('更新于 11月24日 周二 10:05')).toBeTruthy();
    expect(screen.getByText('活动周：11月23日–11月29日')).toBeTruthy();
    expect(container.querySelector('.bdb-notice-detail__cover')?.getAttribute('src')).toBe(
      'https://example.test/media/cover.jpg',
    );
    // Text as typed: the line break kept, the markup shown, never interpreted.
    const body = container.querySelector('.bdb-notice-detail__body');
    expect(body?.textContent).toBe('第一行\n第二行 <b>不是粗体</b>');
    expect(body?.querySelector('b')).toBeNull();

    expect(screen.getByText('活动安排（3 项）')).toBeTruthy();
    const calligraphy = cardOf(container, '书法体验课');
    expect(within(calligraphy).getByText('11月25日 周三 18:30–19:30')).toBeTruthy();
    expect(within(calligraphy).getByText('地点：二楼活动室')).toBeTruthy();
    expect(within(calligraphy).getByText('剩 3 个名额（共 12 个）')).toBeTruthy();
    expect(within(calligraphy).getByRole('button', { name: '报名 书法体验课' })).toBeTruthy();

    const reading = cardOf(container, '少儿绘本阅读');
    expect(within(reading).getByText('无需报名，到时直接来')).toBeTruthy();
    expect(within(reading).queryByText('报名')).toBeNull();
    expect(within(reading).getByText('现场签到')).toBeTruthy();

    const taichi = cardOf(container, '太极拳');
    expect(within(taichi).getByText('11月27日 周五 18:00–19:00')).toBeTruthy();
    expect(within(taichi).getByText('名额已满，2 人在候补 · 可报名候补')).toBeTruthy();
    expect(within(taichi).getByText('报名候补')).toBeTruthy();

    expect(screen.getByLabelText('怎么称呼您（选填）')).toBeTruthy();
    expect(callsOf('notice.get')).toEqual([{ id: 'n-1' }]);
  });

  it('signs up with one tap, sending the optional name and a request id', async () => {
    const { container } = await openNotice({
      'notice.signUp': async ({ activityId }) =>
        noticeActivityFixture({ id: activityId, signed: 10, left: 2, mine: signed }),
    });
    fireEvent.change(screen.getByLabelText('怎么称呼您（选填）'), {
      target: { value: ' 3栋 王阿姨 ' },
    });
    const card = cardOf(container, '书法体验课');
    fireEvent.click(within(card).getByText('报名'));

    await waitFor(() => expect(stateOf(card)).toBe('✓ 已报名'));
    expect(within(card).getByText('剩 2 个名额（共 12 个）')).toBeTruthy();
    expect(within(card).getByText('取消报名')).toBeTruthy();
    expect(within(card).queryByText('报名')).toBeNull();
    // The state is a live region: a screen reader hears the change.
    expect(card.querySelector('.bdb-activity-card__mine')?.getAttribute('aria-live')).toBe(
      'polite',
    );
    expect(callsOf('notice.signUp')).toEqual([
      {
        activityId: 'a-1',
        requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
        name: '3栋 王阿姨',
      },
    ]);
  });

  it('leaves the name out when none is typed', async () => {
    const { container } = await openNotice({
      'notice.signUp': async () => noticeActivityFixture({ mine: signed }),
    });
    fireEvent.click(within(cardOf(container, '书法体验课')).getByText('报名'));
    await waitFor(() => expect(callsOf('notice.signUp')).toHaveLength(1));
    expect(callsOf('notice.signUp')[0]).toEqual({
      activityId: 'a-1',
      requestId: expect.any(String),
    });
  });

  it('puts a full activity on the waitlist and says the place', async () => {
    const { container } = await openNotice({
      'notice.signUp': async () =>
        noticeActivityFixture({
          id: 'a-3',
          name: '太极拳',
          date: '2026-11-27',
          capacity: 20,
          signed: 20,
          waitlisted: 3,
          left: 0,
          mine: { id: 's-3', status: 'waitlisted', waitlistPosition: 3, attendedAt: null },
        }),
    });
    const card = cardOf(container, '太极拳');
    fireEvent.click(within(card).getByText('报名候补'));

    await waitFor(() => expect(stateOf(card)).toBe('候补第 3 位'));
    expect(within(card).getByText('有人取消时按顺序转为报名')).toBeTruthy();
    expect(within(card).getByText('取消候补')).toBeTruthy();
    expect(callsOf('notice.signUp')[0].activityId).toBe('a-3');
  });

  it('cancels only after a second, confirming tap', async () => {
    const notice = noticeFixture();
    notice.activities[0] = noticeActivityFixture({ signed: 10, left: 2, mine: signed });
    const { container } = await openNotice(
      {
        'notice.cancelSignUp': async () =>
          noticeActivityFixture({ mine: { ...signed, status: 'cancelled' } }),
      },
      notice,
    );
    const card = cardOf(container, '书法体验课');
    expect(stateOf(card)).toBe('✓ 已报名');

    fireEvent.click(within(card).getByText('取消报名'));
    expect(callsOf('notice.cancelSignUp')).toHaveLength(0);
    expect(within(card).getByText('取消后名额会让给候补的居民，确定取消报名吗？')).toBeTruthy();
    fireEvent.click(within(card).getByText('不取消'));
    expect(within(card).queryByText('确认取消')).toBeNull();

    fireEvent.click(within(card).getByText('取消报名'));
    fireEvent.click(within(card).getByText('确认取消'));

    await waitFor(() => expect(stateOf(card)).toBe('已取消报名'));
    expect(callsOf('notice.cancelSignUp')).toEqual([{ activityId: 'a-1' }]);
    expect(within(card).getByText('剩 3 个名额（共 12 个）')).toBeTruthy();
    // Signing up again is one tap away.
    expect(within(card).getByText('报名')).toBeTruthy();
  });

  it('shows the server’s refusal in an alert and loads the notice again', async () => {
    let loads = 0;
    const { container } = await openNotice({
      'notice.get': async () => {
        loads += 1;
        return noticeFixture();
      },
      'notice.signUp': async () => {
        throw new GatewayError({ code: 'CLOSED', message: '活动已开始，不能再报名' });
      },
    });
    const card = cardOf(container, '书法体验课');
    fireEvent.click(within(card).getByText('报名'));

    const alert = await within(card).findByRole('alert');
    expect(alert.textContent).toBe('✕ 活动已开始，不能再报名');
    await waitFor(() => expect(loads).toBe(2));
    expect(stateOf(card)).toBeNull();
    // The alert stays while the fresh notice is shown.
    expect(within(card).getByRole('alert').textContent).toBe('✕ 活动已开始，不能再报名');
  });

  it('says the limit of open sign-ups before the tap, and its refusal in an alert', async () => {
    const limited =
      '每人同时最多报名 2 个还没开始的活动（候补也算），您已报满。请先到“我的报名”取消一个，或等已报名的活动开始后再报';
    const { container } = await openNotice(
      {
        'notice.signUp': async () => {
          throw new GatewayError({ code: 'CONFLICT', message: limited });
        },
      },
      noticeFixture({ openSignUps: 2 }),
    );
    expect(screen.getByText('每人同时最多报名 2 个还没开始的活动（候补也算）')).toBeTruthy();
    const card = cardOf(container, '书法体验课');
    fireEvent.click(within(card).getByText('报名'));
    expect((await within(card).findByRole('alert')).textContent).toBe(`✕ ${limited}`);
    expect(stateOf(card)).toBeNull();
  });

  it('does not say the limit when nothing is left to sign up for', async () => {
    const mine = { ...signed, status: 'signed' as const };
    const notice = noticeFixture();
    await openNotice(
      {},
      {
        ...notice,
        activities: notice.activities.map((a) => (a.signUp ? { ...a, mine } : a)),
      },
    );
    expect(screen.queryByText(/每人同时最多报名/)).toBeNull();
  });

  it('retries a failed sign-up with the same request id; the next sign-up gets a new one', async () => {
    let attempts = 0;
    const notice = noticeFixture();
    const { container } = await openNotice(
      {
        'notice.signUp': async ({ activityId }) => {
          attempts += 1;
          if (attempts === 1) {
            throw new GatewayError({ code: 'INTERNAL', message: NETWORK_MESSAGE });
          }
          return { ...notice.activities.find((a) => a.id === activityId)!, mine: signed };
        },
      },
      notice,
    );
    const card = cardOf(container, '书法体验课');
    fireEvent.click(within(card).getByText('报名'));
    expect(await within(card).findByText(`✕ ${NETWORK_MESSAGE}`)).toBeTruthy();
    fireEvent.click(within(card).getByText('报名'));
    await waitFor(() => expect(stateOf(card)).toBe('✓ 已报名'));

    fireEvent.click(within(cardOf(container, '太极拳')).getByText('报名候补'));
    await waitFor(() => expect(callsOf('notice.signUp')).toHaveLength(3));

    const ids = callsOf('notice.signUp').map((i) => i.requestId);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
  });

  it('checks in with the code staff show, typed in any case', async () => {
    const { container } = await openNotice({
      'notice.checkIn': async ({ activityId, code }) => {
        if (code !== 'K7P2Q9') {
          throw new GatewayError({
            code: 'BAD_INPUT',
            message: '签到码不对，请核对社工出示的签到码',
            field: 'code',
          });
        }
        return noticeActivityFixture({
          id: activityId,
          name: '少儿绘本阅读',
          signUp: false,
          capacity: null,
          left: null,
          mine: { ...signed, attendedAt: '2026-11-25T18:52:00+08:00' },
        });
      },
    });
    const card = cardOf(container, '少儿绘本阅读');
    fireEvent.click(within(card).getByText('现场签到'));
    const code = within(card).getByLabelText('签到码（社工现场出示）');

    // Nothing typed: said here, nothing sent.
    fireEvent.click(within(card).getByText('确认签到'));
    expect(within(card).getByRole('alert').textContent).toBe('✕ 请输入社工出示的签到码');
    expect(callsOf('notice.checkIn')).toHaveLength(0);

    fireEvent.change(code, { target: { value: 'AAAA11' } });
    // Typing answers the message: it goes at once, not only at the next tap.
    expect(within(card).queryByRole('alert')).toBeNull();
    fireEvent.click(within(card).getByText('确认签到'));
    expect(await within(card).findByText('✕ 签到码不对，请核对社工出示的签到码')).toBeTruthy();

    fireEvent.change(code, { target: { value: ' k7p2q9 ' } });
    expect(within(card).queryByRole('alert')).toBeNull();
    fireEvent.click(within(card).getByText('确认签到'));
    await waitFor(() => expect(stateOf(card)).toBe('✓ 已签到 18:52'));
    expect(callsOf('notice.checkIn')).toEqual([
      // Typed on the notice page: recorded as 输入签到码, not as a scan.
      { activityId: 'a-2', code: 'AAAA11', via: 'code' },
      { activityId: 'a-2', code: 'K7P2Q9', via: 'code' },
    ]);
    // Checked in: nothing left to do on this activity.
    expect(within(card).queryByText('现场签到')).toBeNull();
    expect(within(card).queryByRole('alert')).toBeNull();
  });

  it('offers nothing to do on an archived notice', async () => {
    await openNotice({}, noticeFixture({ status: 'archived' }));
    expect(screen.getByText('这条通知已下架，活动不再报名')).toBeTruthy();
    expect(screen.queryByText('报名')).toBeNull();
    expect(screen.queryByText('现场签到')).toBeNull();
    expect(screen.queryByLabelText('怎么称呼您（选填）')).toBeNull();
  });

  it('hides the name field once there is nothing left to sign up for', async () => {
    const notice = noticeFixture();
    notice.activities = notice.activities.map((a): Activity =>
      a.signUp ? { ...a, mine: signed } : a,
    );
    await openNotice({}, notice);
    expect(screen.queryByLabelText('怎么称呼您（选填）')).toBeNull();
  });

  it('shows a load failure inline with retry, and leads to all notices', async () => {
    let attempts = 0;
    routeCalls({
      'notice.get': async () => {
        attempts += 1;
        if (attempts === 1) {
          throw new GatewayError({ code: 'NOT_FOUND', message: '没有找到这条通知' });
        }
        return noticeFixture();
      },
    });
    render(<NoticeDetailPage />);
    expect(await screen.findByText('没有找到这条通知')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('本周三晚 八点伴活动')).toBeTruthy();
    fireEvent.click(screen.getByText('全部通知'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/package-notice/pages/list/index?c=jinse' });
  });

  it('says so when the link names no notice', () => {
    setRouterParams({});
    render(<NoticeDetailPage />);
    expect(screen.getByText('链接里没有指明是哪条通知，请从“全部通知”里打开')).toBeTruthy();
    expect(callsOf('notice.get')).toHaveLength(0);
  });
});
