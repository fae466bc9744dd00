import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { GatewayError } from '@/lib/gateway';
import { formatDate, shanghaiDate } from '@/lib/shanghai-time';
import { bookingFixture, bookingServicesFixture, slotFixture } from '@/test-utils/fixtures';
import { callMock, callsOf, routeCalls, type Handlers } from '@/test-utils/mock-gateway';
import type { Booking } from '@/types/contract';
import {
  reLaunch,
  resetTaroDouble,
  setRouterParams,
  stopPullDownRefresh,
  triggerDidShow,
  triggerPullDownRefresh,
} from '../../../../tests/doubles/taro';
import MyBookingsPage from './index';

jest.mock('@/lib/gateway', () => ({ ...jest.requireActual('@/lib/gateway'), call: jest.fn() }));

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** Dates around this phone's own today, so the sections do not depend on when the test runs. */
const day = (offset: number) => shanghaiDate(Date.now() + offset * DAY);
const iso = (msFromNow: number) => new Date(Date.now() + msFromNow).toISOString();

/** A confirmed 政务服务 booking `offset` days from today, changeable until 2 hours before. */
function mineFixture(offset: number, overrides: Partial<Booking> = {}): Booking {
  const date = day(offset);
  return bookingFixture({
    date,
    slotId: `jinse_paperwork_${date.replace(/-/g, '')}_1730`,
    changeableUntil: iso(offset * DAY + HOUR),
    ...overrides,
  });
}

const NEXT_WEEK = day(7);

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
});

const cardOf = (container: HTMLElement, text: string) => {
  const card = [...container.querySelectorAll<HTMLElement>('.bdb-booking-card')].find((c) =>
    c.textContent?.includes(text),
  );
  if (!card) throw new Error(`no card with ${text}`);
  return card;
};

async function openMine(bookings: Booking[], handlers: Handlers = {}) {
  const state = { current: bookings };
  routeCalls({ 'booking.mine': async () => state.current, ...handlers });
  const view = render(<MyBookingsPage />);
  await screen.findByText(/^接下来的预约/);
  return { ...view, state };
}

describe('my bookings page', () => {
  it('shows upcoming and past bookings with status in words, phone and what to bring', async () => {
    setRouterParams({ id: 'b-wait' });
    const { container } = await openMine([
      mineFixture(7, {
        id: 'b-wait',
        status: 'waitlisted',
        waitlistPosition: 2,
        startsAt: '18:00',
        endsAt: '18:30',
      }),
      mineFixture(0, { id: 'b-today', phone: '138****5678', serviceName: '家电维修', bring: [] }),
      mineFixture(-7, { id: 'b-done', status: 'completed' }),
      mineFixture(-14, { id: 'b-miss', status: 'no-show' }),
      mineFixture(-21, { id: 'b-in', status: 'checked-in' }),
      mineFixture(14, { id: 'b-off', status: 'cancelled' }),
    ]);

    const upcoming = container.querySelector<HTMLElement>('.bdb-my-bookings__section--upcoming');
    const past = container.querySelector<HTMLElement>('.bdb-my-bookings__section--past');
    if (!upcoming || !past) throw new Error('sections missing');
    // A cancelled booking is nothing to come, whatever its date.
    expect(within(upcoming).getByText('接下来的预约（2 个）')).toBeTruthy();
    expect(within(past).getByText('以往和已取消的预约（4 个）')).toBeTruthy();
    const statuses = (section: HTMLElement) =>
      [...section.querySelectorAll('.bdb-booking-card__status')].map((s) => s.textContent);
    // Soonest first, then latest first.
    expect(statuses(upcoming)).toEqual(['已预约', '候补第 2 位']);
    expect(statuses(past)).toEqual(['已取消', '已完成', '未到', '已签到']);

    const today = cardOf(container, '家电维修');
    expect(within(today).getByText(`${formatDate(day(0))} 17:30–18:00`)).toBeTruthy();
    // The code the resident says at the desk.
    expect(within(today).getByText('预约码 K7MP')).toBeTruthy();
    expect(within(today).getByText('联系电话：138****5678')).toBeTruthy();
    expect(within(today).queryByText(/请带上/)).toBeNull();

    const waiting = cardOf(container, '候补第 2 位');
    expect(within(waiting).getByText('请带上：身份证、户口本')).toBeTruthy();
    // ?id marks the booking asked for, in words and with a frame.
    expect(within(waiting).getByText('▶ 您要查看的预约')).toBeTruthy();
    expect(waiting.classList.contains('bdb-booking-card--highlighted')).toBe(true);
    expect(container.querySelectorAll('.bdb-booking-card--highlighted')).toHaveLength(1);

    // Only what can still change has the buttons.
    expect(within(upcoming).getAllByText('取消预约')).toHaveLength(2);
    expect(within(past).queryByText('取消预约')).toBeNull();
    expect(within(past).queryByText('改约')).toBeNull();
  });

  it('cancels only after a second, confirming tap', async () => {
    const { container } = await openMine([mineFixture(7, { id: 'b-7' })], {
      'booking.cancel': async () => mineFixture(7, { id: 'b-7', status: 'cancelled' }),
    });
    const card = cardOf(container, '政务服务');

    fireEvent.click(within(card).getByText('取消预约'));
    expect(callsOf('booking.cancel')).toHaveLength(0);
    expect(within(card).getByText('取消后名额会让给其他居民，确定取消这个预约吗？')).toBeTruthy();
    fireEvent.click(within(card).getByText('不取消'));
    expect(within(card).queryByText('确认取消')).toBeNull();

    fireEvent.click(within(card).getByText('取消预约'));
    fireEvent.click(within(card).getByText('确认取消'));

    // Cancelled, it leaves the bookings to come.
    expect(await screen.findByText('接下来的预约（0 个）')).toBeTruthy();
    const cancelled = cardOf(container, '政务服务');
    expect(cancelled.querySelector('.bdb-booking-card__status')?.textContent).toBe('已取消');
    expect(callsOf('booking.cancel')).toEqual([{ bookingId: 'b-7' }]);
    expect(within(cancelled).queryByText('取消预约')).toBeNull();
    expect(within(cancelled).queryByText('改约')).toBeNull();
  });

  it('shows the server’s refusal of a late cancel on the card', async () => {
    const { container } = await openMine([mineFixture(0)], {
      'booking.cancel': async () => {
        throw new GatewayError({ code: 'CLOSED', message: '已过取消时间，如需帮助请联系社工' });
      },
    });
    const card = cardOf(container, '政务服务');
    fireEvent.click(within(card).getByText('取消预约'));
    fireEvent.click(within(card).getByText('确认取消'));
    expect(await within(card).findByText('✕ 已过取消时间，如需帮助请联系社工')).toBeTruthy();
    expect(card.querySelector('.bdb-booking-card__status')?.textContent).toBe('已预约');
  });

  describe('改约', () => {
    const slotsOf = (date: string) => [
      slotFixture({ date, startsAt: '17:30', endsAt: '18:00', left: 1 }),
      slotFixture({ date, startsAt: '18:00', endsAt: '18:30', left: 0, waitlisted: 2 }),
      slotFixture({ date, startsAt: '18:30', endsAt: '19:00', left: 2 }),
    ];
    const services = () => bookingServicesFixture({ dates: [day(0), NEXT_WEEK, day(14), day(21)] });

    it('moves to a free slot of the same service and marks the new booking', async () => {
      const moved = mineFixture(7, {
        id: 'b-new',
        slotId: `jinse_paperwork_${NEXT_WEEK.replace(/-/g, '')}_1830`,
        startsAt: '18:30',
        endsAt: '19:00',
      });
      const { container, state } = await openMine([mineFixture(7, { id: 'b-7' })], {
        'booking.services': async () => services(),
        'booking.slots': async ({ date }) => slotsOf(date),
        'booking.reschedule': async () => {
          state.current = [mineFixture(7, { id: 'b-7', status: 'cancelled' }), moved];
          return moved;
        },
      });
      const card = cardOf(container, '政务服务');

      fireEvent.click(within(card).getByText('改约'));
      const panel = within(card).getByRole('group', { name: '改约' });
      // The booking's own evening first; its slot is marked, full slots are not a choice.
      const current = await within(panel).findByRole('button', {
        name: '17:30–18:00 · 当前预约',
      });
      expect(current.getAttribute('aria-disabled') === 'true').toBe(true);
      expect(
        within(panel)
          .getByRole('button', { name: '18:00–18:30 · 已满' })
          .getAttribute('aria-disabled') === 'true',
      ).toBe(true);
      expect(callsOf('booking.services')).toEqual([{ community: 'jinse' }]);
      expect(callsOf('booking.slots')).toEqual([
        { community: 'jinse', service: 'paperwork', date: NEXT_WEEK },
      ]);

      fireEvent.click(within(panel).getByText('18:30–19:00 · 剩 2 位'));
      expect(within(panel).getByText(`改到 ${formatDate(NEXT_WEEK)} 18:30–19:00`)).toBeTruthy();
      fireEvent.click(within(panel).getByText('确认改约'));

      expect(
        await screen.findByText(`✓ 已改到 ${formatDate(NEXT_WEEK)} 18:30–19:00，原时段已取消`),
      ).toBeTruthy();
      const [move] = callsOf('booking.reschedule');
      expect(move).toEqual({
        bookingId: 'b-7',
        slotId: `jinse_paperwork_${NEXT_WEEK.replace(/-/g, '')}_1830`,
        requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
      });
      // The list is loaded again: the old booking cancelled, the new one marked.
      await waitFor(() => expect(callsOf('booking.mine')).toHaveLength(2));
      await waitFor(() =>
        expect(container.querySelector('.bdb-booking-card--highlighted')?.textContent).toContain(
          '18:30–19:00',
        ),
      );
      expect(cardOf(container, '17:30–18:00').textContent).toContain('已取消');
    });

    it('keeps the booking when the new slot filled up meanwhile', async () => {
      let full = false;
      const { container } = await openMine([mineFixture(7, { id: 'b-7' })], {
        'booking.services': async () => services(),
        'booking.slots': async ({ date }) =>
          slotsOf(date).map((s) => (full && s.startsAt === '18:30' ? { ...s, left: 0 } : s)),
        'booking.reschedule': async () => {
          full = true;
          throw new GatewayError({ code: 'CONFLICT', message: '新时段已满，原预约保留不变' });
        },
      });
      const card = cardOf(container, '政务服务');
      fireEvent.click(within(card).getByText('改约'));
      fireEvent.click(await within(card).findByText('18:30–19:00 · 剩 2 位'));
      fireEvent.click(within(card).getByText('确认改约'));

      expect(await within(card).findByText('✕ 新时段已满，原预约保留')).toBeTruthy();
      // The slots as they are now: the one tried is full, and cannot be sent again.
      await waitFor(() =>
        expect(
          within(card)
            .getByRole('button', { name: '18:30–19:00 · 已满' })
            .getAttribute('aria-disabled') === 'true',
        ).toBe(true),
      );
      expect(within(card).getByText('确认改约').getAttribute('aria-disabled') === 'true').toBe(
        true,
      );
      expect(card.querySelector('.bdb-booking-card__status')?.textContent).toBe('已预约');
      expect(callsOf('booking.mine')).toHaveLength(1);
    });

    it('retries a failed move with the same requestId, and can be closed', async () => {
      let attempts = 0;
      const { container } = await openMine([mineFixture(7, { id: 'b-7' })], {
        'booking.services': async () => services(),
        'booking.slots': async ({ date }) => slotsOf(date),
        'booking.reschedule': async () => {
          attempts += 1;
          throw new GatewayError({ code: 'INTERNAL', message: '网络不给力，请稍后再试' });
        },
      });
      const card = cardOf(container, '政务服务');
      fireEvent.click(within(card).getByText('改约'));
      fireEvent.click(await within(card).findByText('18:30–19:00 · 剩 2 位'));
      fireEvent.click(within(card).getByText('确认改约'));
      await within(card).findByText('✕ 网络不给力，请稍后再试');
      fireEvent.click(within(card).getByText('确认改约'));
      await waitFor(() => expect(attempts).toBe(2));
      const [first, second] = callsOf('booking.reschedule').map((i) => i.requestId);
      expect(second).toBe(first);

      fireEvent.click(within(card).getByText('不改了'));
      expect(within(card).queryByRole('group', { name: '改约' })).toBeNull();
      expect(within(card).getByText('改约')).toBeTruthy();
    });
  });

  describe('the change deadline', () => {
    it('offers no change the server no longer allows, and says whom to call', async () => {
      const { container } = await openMine([
        mineFixture(0, { id: 'b-late', changeable: false, changeableUntil: iso(-HOUR) }),
        mineFixture(7, {
          id: 'b-none',
          serviceName: '家电维修',
          changeable: false,
          contactPhone: null,
        }),
      ]);
      const late = cardOf(container, '政务服务');
      expect(within(late).queryByText('取消预约')).toBeNull();
      expect(within(late).queryByText('改约')).toBeNull();
      expect(within(late).getByText('已过取消或改约时间，不能在网上更改。')).toBeTruthy();
      expect(within(late).getByText('如需变动，请致电社工：')).toBeTruthy();
      const call = within(late).getByRole('link', { name: '拨打社工电话 0512-6888 1234' });
      expect(call.getAttribute('href')).toBe('tel:051268881234');
      expect(call.textContent).toBe('☎ 0512-6888 1234');
      // No number set: the desk.
      const none = cardOf(container, '家电维修');
      expect(within(none).getByText('如需变动，请到服务台找社工')).toBeTruthy();
      expect(within(none).queryByRole('link')).toBeNull();
    });

    it('keeps the buttons for a day past the deadline, leaving the refusal to the server', async () => {
      const { container } = await openMine([mineFixture(0, { changeableUntil: iso(-3 * HOUR) })]);
      const card = cardOf(container, '政务服务');
      expect(within(card).getByText('取消预约')).toBeTruthy();
      expect(within(card).getByText('改约')).toBeTruthy();
    });

    it('hides them once the phone’s clock is more than a day past it', async () => {
      const { container } = await openMine([mineFixture(1, { changeableUntil: iso(-DAY - HOUR) })]);
      const card = cardOf(container, '政务服务');
      expect(card.querySelector('.bdb-booking-card__status')?.textContent).toBe('已预约');
      expect(within(card).queryByText('取消预约')).toBeNull();
      expect(within(card).queryByText('改约')).toBeNull();
    });
  });

  it('speaks to the resident as 您, never 你', async () => {
    const { container } = await openMine([
      mineFixture(7),
      mineFixture(0, { id: 'b-late', changeable: false }),
      mineFixture(-7, { id: 'b-done', status: 'completed' }),
    ]);
    fireEvent.click(screen.getByText('取消预约'));
    expect(container.textContent).not.toContain('你');
  });

  it('says so without bookings, and goes back to tonight', async () => {
    routeCalls({ 'booking.mine': async () => [] });
    render(<MyBookingsPage />);
    expect(await screen.findByText('还没有预约过服务')).toBeTruthy();
    fireEvent.click(screen.getByText('回到今晚服务'));
    expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/tonight/index' });
  });

  it('loads again on pull-down and on return to the page', async () => {
    await openMine([mineFixture(7)]);
    act(() => triggerPullDownRefresh());
    await waitFor(() => expect(stopPullDownRefresh).toHaveBeenCalledTimes(1));
    act(() => triggerDidShow());
    await waitFor(() => expect(callsOf('booking.mine')).toHaveLength(3));
  });

  it('shows a load failure inline with retry', async () => {
    let attempts = 0;
    routeCalls({
      'booking.mine': async () => {
        attempts += 1;
        if (attempts === 1) throw new GatewayError({ code: 'INTERNAL', message: '网络不给力' });
        return [mineFixture(7)];
      },
    });
    render(<MyBookingsPage />);
    fireEvent.click(await screen.findByText('重试'));
    expect(await screen.findByText('接下来的预约（1 个）')).toBeTruthy();
  });
});
