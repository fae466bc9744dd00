import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { GatewayError, NETWORK_MESSAGE } from '@/lib/gateway';
import {
  bookingFixture,
  bookingServicesFixture,
  slotFixture,
  slotsFixture,
} from '@/test-utils/fixtures';
import { callMock, callsOf, routeCalls, type Handlers } from '@/test-utils/mock-gateway';
import {
  navigateTo,
  pageScrollTo,
  reLaunch,
  resetTaroDouble,
  setRouterParams,
} from '../../../../tests/doubles/taro';
import BookPage from './index';

jest.mock('@/lib/gateway', () => ({ ...jest.requireActual('@/lib/gateway'), call: jest.fn() }));

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
  setRouterParams({ c: 'jinse', s: 'paperwork' });
});

const slotRow = (text: string) => screen.getByRole('button', { name: text });
// Buttons say disabled with aria-disabled (they stay focusable; components/button).
const disabled = (element: HTMLElement) => element.getAttribute('aria-disabled') === 'true';
const consentBox = () => screen.getByRole('checkbox', { name: '同意社工通过此电话联系我' });

function typePhone(phone: string) {
  fireEvent.change(screen.getByLabelText('联系电话（选填）'), { target: { value: phone } });
}

async function openBooking(handlers: Handlers = {}) {
  routeCalls({
    'booking.services': async () => bookingServicesFixture(),
    'booking.slots': async ({ date }) => slotsFixture(date),
    ...handlers,
  });
  const view = render(<BookPage />);
  await screen.findByText('17:30–18:00 · 剩 2 位');
  return view;
}

describe('booking page', () => {
  it('shows the service, what to bring, four date tabs and the first evening’s slots', async () => {
    await openBooking();

    expect(screen.getByText('政务服务')).toBeTruthy();
    expect(screen.getByText('社保、医保、生育登记等业务办理')).toBeTruthy();
    expect(screen.getByText('请带上：身份证、户口本')).toBeTruthy();
    expect(screen.getByText('每段 30 分钟，每段 2 位；可在开始 2 小时前取消或改约')).toBeTruthy();
    // The limits per resident, said before the first tap.
    expect(
      screen.getByText('每人每晚最多预约 2 个时段，同时最多保留 4 个未到期的预约'),
    ).toBeTruthy();

    const tabs = screen.getAllByRole('radio').filter((t) => t.textContent?.includes('月'));
    expect(tabs.map((t) => t.textContent)).toEqual([
      '✓ 12月2日 周三',
      '12月9日 周三',
      '12月16日 周三',
      '12月23日 周三',
    ]);
    expect(tabs[0].getAttribute('aria-checked')).toBe('true');

    expect(disabled(slotRow('17:00–17:30 · 已开始'))).toBe(true);
    expect(disabled(slotRow('17:30–18:00 · 剩 2 位'))).toBe(false);
    expect(disabled(slotRow('18:00–18:30 · 已满 · 可候补（前面 1 人）'))).toBe(false);
    expect(disabled(slotRow('18:30–19:00 · 剩 1 位'))).toBe(false);

    expect(callsOf('booking.services')).toEqual([{ community: 'jinse' }]);
    expect(callsOf('booking.slots')).toEqual([
      { community: 'jinse', service: 'paperwork', date: '2026-12-02' },
    ]);
  });

  it('offers only the evenings this service runs on', async () => {
    const data = bookingServicesFixture();
    data.services[0] = { ...data.services[0]!, weekdays: [3], dates: ['2026-12-09', '2026-12-23'] };
    await openBooking({
      'booking.services': async () => data,
      'booking.slots': async ({ date }) => slotsFixture(date),
    });
    const tabs = screen.getAllByRole('radio').filter((t) => t.textContent?.includes('月'));
    expect(tabs.map((t) => t.textContent)).toEqual(['✓ 12月9日 周三', '12月23日 周三']);
    expect(callsOf('booking.slots')).toEqual([
      { community: 'jinse', service: 'paperwork', date: '2026-12-09' },
    ]);
  });

  it('loads the slots of another evening when its tab is chosen', async () => {
    await openBooking({
      'booking.slots': async ({ date }) =>
        date === '2026-12-09'
          ? [slotFixture({ date, startsAt: '19:00', endsAt: '19:30', left: 1 })]
          : slotsFixture(date),
    });

    fireEvent.click(screen.getByText('12月9日 周三'));

    expect(await screen.findByText('19:00–19:30 · 剩 1 位')).toBeTruthy();
    expect(screen.queryByText('17:30–18:00 · 剩 2 位')).toBeNull();
    expect(screen.getByRole('radio', { name: /12月9日/ }).getAttribute('aria-checked')).toBe(
      'true',
    );
    expect(callsOf('booking.slots').map((i) => i.date)).toEqual(['2026-12-02', '2026-12-09']);
  });

  it('confirms on the page, and leaves the phone out without the consent', async () => {
    await openBooking({ 'booking.book': async () => bookingFixture() });

    fireEvent.click(slotRow('17:30–18:00 · 剩 2 位'));
    const panel = screen.getByRole('group', { name: '确认预约' });
    expect(within(panel).getByText('政务服务 · 12月2日 周三 17:30–18:00')).toBeTruthy();
    expect(slotRow('✓ 17:30–18:00 · 剩 2 位')).toBeTruthy();
    expect(consentBox().getAttribute('aria-checked')).toBe('false');

    typePhone('13812345678');
    expect(screen.getByText('未勾选同意，这个电话不会留给社工')).toBeTruthy();
    fireEvent.click(screen.getByText('确认预约'));

    expect(await screen.findByText('预约成功')).toBeTruthy();
    const [book] = callsOf('booking.book');
    expect(book).toEqual({
      slotId: 'jinse_paperwork_20261202_1730',
      requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
    });
  });

  it('sends the phone with the consent once the box is ticked', async () => {
    await openBooking({ 'booking.book': async () => bookingFixture({ phone: '138****5678' }) });

    fireEvent.click(slotRow('18:30–19:00 · 剩 1 位'));
    typePhone(' 13812345678 ');
    fireEvent.click(consentBox());
    expect(consentBox().getAttribute('aria-checked')).toBe('true');
    expect(screen.queryByText('未勾选同意，这个电话不会留给社工')).toBeNull();
    fireEvent.click(screen.getByText('确认预约'));

    await screen.findByText('预约成功');
    expect(callsOf('booking.book')[0]).toEqual({
      slotId: 'jinse_paperwork_20261202_1830',
      requestId: expect.any(String),
      phone: '13812345678',
      consent: true,
    });

    // The next booking asks for the consent again (the phone stays typed).
    fireEvent.click(screen.getByText('再预约一个时段'));
    fireEvent.click(await screen.findByText('17:30–18:00 · 剩 2 位'));
    expect(consentBox().getAttribute('aria-checked')).toBe('false');
    expect((screen.getByLabelText('联系电话（选填）') as HTMLInputElement).value).toBe(
      ' 13812345678 ',
    );
  });

  it('refuses a phone that cannot be a number before sending', async () => {
    await openBooking();
    fireEvent.click(slotRow('17:30–18:00 · 剩 2 位'));
    typePhone('12');
    fireEvent.click(consentBox());
    fireEvent.click(screen.getByText('确认预约'));
    expect(screen.getByText('✕ 电话号码请填 7 到 20 位数字')).toBeTruthy();
    expect(callsOf('booking.book')).toHaveLength(0);
  });

  it('shows the server’s word on the consent next to the fields', async () => {
    await openBooking({
      'booking.book': async () => {
        throw new GatewayError({
          code: 'BAD_INPUT',
          message: '请先勾选同意社工联系您',
          field: 'consent',
        });
      },
    });
    fireEvent.click(slotRow('17:30–18:00 · 剩 2 位'));
    fireEvent.click(screen.getByText('确认预约'));
    expect(await screen.findByText('✕ 请先勾选同意社工联系您')).toBeTruthy();
  });

  it('shows the confirmed result with when, what to bring, and the way to 我的预约', async () => {
    await openBooking({ 'booking.book': async () => bookingFixture({ id: 'b-42' }) });
    fireEvent.click(slotRow('17:30–18:00 · 剩 2 位'));
    fireEvent.click(screen.getByText('确认预约'));

    const result = await screen.findByRole('status');
    await within(result).findByText('预约成功');
    expect(within(result).getByText('12月2日 周三 17:30–18:00')).toBeTruthy();
    expect(within(result).getByText('请带上：身份证、户口本')).toBeTruthy();
    expect(within(result).getByText('取消或改约截止：12月2日 周三 15:30')).toBeTruthy();
    // The slot list is gone; the page shows the result from the top.
    expect(screen.queryByText('17:30–18:00 · 剩 2 位')).toBeNull();
    expect(pageScrollTo).toHaveBeenCalled();

    fireEvent.click(within(result).getByText('查看我的预约'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/package-booking/pages/mine/index?id=b-42' });
  });

  it('puts a full slot on the waitlist and says the place', async () => {
    await openBooking({
      'booking.book': async () =>
        bookingFixture({
          slotId: 'jinse_paperwork_20261202_1800',
          startsAt: '18:00',
          endsAt: '18:30',
          status: 'waitlisted',
          waitlistPosition: 2,
        }),
    });

    fireEvent.click(slotRow('18:00–18:30 · 已满 · 可候补（前面 1 人）'));
    expect(
      screen.getByText('这个时段已满，确认后加入候补，前面有 1 人。有人取消时按顺序转为预约。'),
    ).toBeTruthy();
    fireEvent.click(screen.getByText('确认预约'));

    expect(await screen.findByText('已加入候补，第 2 位')).toBeTruthy();
    expect(screen.queryByText('预约成功')).toBeNull();
    expect(callsOf('booking.book')[0].slotId).toBe('jinse_paperwork_20261202_1800');
  });

  it('retries a failed booking with the same requestId, and a new booking gets a new one', async () => {
    let attempts = 0;
    await openBooking({
      'booking.book': async () => {
        attempts += 1;
        if (attempts === 1) throw new GatewayError({ code: 'INTERNAL', message: NETWORK_MESSAGE });
        return bookingFixture();
      },
    });

    fireEvent.click(slotRow('17:30–18:00 · 剩 2 位'));
    fireEvent.click(screen.getByText('确认预约'));
    expect(await screen.findByText(`✕ ${NETWORK_MESSAGE}`)).toBeTruthy();
    fireEvent.click(screen.getByText('确认预约'));
    await screen.findByText('预约成功');

    fireEvent.click(screen.getByText('再预约一个时段'));
    fireEvent.click(await screen.findByText('17:30–18:00 · 剩 2 位'));
    fireEvent.click(screen.getByText('确认预约'));
    await screen.findByText('预约成功');

    const ids = callsOf('booking.book').map((i) => i.requestId);
    expect(ids).toHaveLength(3);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
  });

  it('says why a slot can no longer be booked, and shows the slots as they are now', async () => {
    let started = false;
    await openBooking({
      'booking.slots': async ({ date }) =>
        slotsFixture(date).map((s) =>
          started && s.startsAt === '17:30' ? { ...s, open: false, phase: 'running' as const } : s,
        ),
      'booking.book': async () => {
        started = true;
        throw new GatewayError({ code: 'CLOSED', message: '这个时段已经开始了，请选择之后的时段' });
      },
    });

    fireEvent.click(slotRow('17:30–18:00 · 剩 2 位'));
    fireEvent.click(screen.getByText('确认预约'));

    expect(await screen.findByText('✕ 这个时段已经开始了，请选择之后的时段')).toBeTruthy();
    await waitFor(() => expect(disabled(slotRow('17:30–18:00 · 已开始'))).toBe(true));
    expect(disabled(screen.getByText('确认预约'))).toBe(true);
    expect(callsOf('booking.slots')).toHaveLength(2);
  });

  it('says 已结束 for a slot that is over, and 已开始 for one running', async () => {
    routeCalls({
      'booking.services': async () => bookingServicesFixture(),
      'booking.slots': async ({ date }) => [
        slotFixture({ date, startsAt: '17:00', endsAt: '17:30', open: false, phase: 'over' }),
        slotFixture({ date, startsAt: '17:30', endsAt: '18:00', open: false, phase: 'running' }),
        slotFixture({ date, startsAt: '18:00', endsAt: '18:30', left: 2 }),
      ],
    });
    render(<BookPage />);
    await screen.findByText('18:00–18:30 · 剩 2 位');
    expect(disabled(slotRow('17:00–17:30 · 已结束'))).toBe(true);
    expect(disabled(slotRow('17:30–18:00 · 已开始'))).toBe(true);
  });

  it('states the rule before confirming a slot past its cut-off, and takes no waitlist there', async () => {
    await openBooking({
      'booking.slots': async ({ date }) => [
        slotFixture({ date, startsAt: '17:30', endsAt: '18:00', left: 2 }),
        slotFixture({ date, startsAt: '19:00', endsAt: '19:30', left: 0, late: true, open: false }),
        slotFixture({ date, startsAt: '19:30', endsAt: '20:00', left: 1, late: true }),
      ],
      'booking.book': async () =>
        bookingFixture({
          slotId: 'jinse_paperwork_20261202_1930',
          startsAt: '19:30',
          endsAt: '20:00',
          changeable: false,
          changeableUntil: '2026-12-02T17:30:00+08:00',
        }),
    });
    // Full and late: no waitlist place that could never move.
    expect(disabled(slotRow('19:00–19:30 · 已满'))).toBe(true);
    fireEvent.click(slotRow('19:30–20:00 · 剩 1 位 · 约后不能取消'));
    const panel = within(screen.getByRole('group', { name: '确认预约' }));
    const rule = panel.getByRole('note');
    expect(rule.textContent).toContain('这个时段离开始已不到 2 小时，约好后不能在网上取消或改约。');
    expect(within(rule).getByRole('link', { name: '拨打社工电话 0512-6888 1234' })).toBeTruthy();
    fireEvent.click(panel.getByText('确认预约'));

    expect(await screen.findByText('预约成功')).toBeTruthy();
    // No deadline that has passed already: whom to call instead.
    expect(screen.queryByText(/取消或改约截止/)).toBeNull();
    expect(screen.getByText('这个时段临近开始，不能在网上取消或改约。')).toBeTruthy();
    expect(screen.getByText('预约码 K7MP')).toBeTruthy();
  });

  it('sends the 称呼 only when given, trimmed', async () => {
    await openBooking({ 'booking.book': async () => bookingFixture() });
    fireEvent.click(slotRow('17:30–18:00 · 剩 2 位'));
    fireEvent.change(screen.getByLabelText('称呼（选填）'), { target: { value: ' 王阿姨 ' } });
    fireEvent.click(screen.getByText('确认预约'));
    await screen.findByText('预约成功');
    expect(callsOf('booking.book')[0]).toEqual({
      slotId: 'jinse_paperwork_20261202_1730',
      requestId: expect.any(String),
      name: '王阿姨',
    });
    // Kept for the next booking, like the phone.
    fireEvent.click(screen.getByText('再预约一个时段'));
    fireEvent.click(await screen.findByText('17:30–18:00 · 剩 2 位'));
    expect((screen.getByLabelText('称呼（选填）') as HTMLInputElement).value).toBe(' 王阿姨 ');
    expect(document.body.textContent).not.toContain('你');
  });

  it('goes back to choosing with 重新选择', async () => {
    await openBooking();
    fireEvent.click(slotRow('17:30–18:00 · 剩 2 位'));
    fireEvent.click(screen.getByText('重新选择'));
    expect(screen.queryByRole('group', { name: '确认预约' })).toBeNull();
  });

  it('says so when the service is not bookable here, or the link names none', async () => {
    setRouterParams({ c: 'jinse', s: 'karaoke' });
    routeCalls({ 'booking.services': async () => bookingServicesFixture() });
    const first = render(<BookPage />);
    expect(await screen.findByText('这个社区没有这项预约服务')).toBeTruthy();
    first.unmount();

    setRouterParams({ c: 'jinse' });
    render(<BookPage />);
    expect(screen.getByText('请在“今晚服务”页选择要预约的服务')).toBeTruthy();
    fireEvent.click(screen.getByText('回到今晚服务'));
    expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/tonight/index?c=jinse' });
  });

  it('shows a load failure inline with retry', async () => {
    let attempts = 0;
    routeCalls({
      'booking.services': async () => {
        attempts += 1;
        if (attempts === 1) throw new GatewayError({ code: 'INTERNAL', message: NETWORK_MESSAGE });
        return bookingServicesFixture();
      },
      'booking.slots': async ({ date }) => slotsFixture(date),
    });
    render(<BookPage />);
    fireEvent.click(await screen.findByText('重试'));
    expect(await screen.findByText('17:30–18:00 · 剩 2 位')).toBeTruthy();
  });
});
