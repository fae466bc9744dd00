import { fireEvent, render, screen, within } from '@testing-library/react';
import { GatewayError, NETWORK_MESSAGE } from '@/lib/gateway';
import { shanghaiDate } from '@/lib/shanghai-time';
import { bookingFixture, companionRequestFixture } from '@/test-utils/fixtures';
import { callMock, callsOf, routeCalls } from '@/test-utils/mock-gateway';
import type { RequestCompanionInput } from '@/types/contract';
import { resetTaroDouble } from '../../../../tests/doubles/taro';
import { BookingResult } from './booking-result';

jest.mock('@/lib/gateway', () => ({ ...jest.requireActual('@/lib/gateway'), call: jest.fn() }));

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
});

const granted = async (input: RequestCompanionInput) =>
  companionRequestFixture({ about: input.about, note: input.note ?? '' });

/** A booking tonight (on this phone's own date), so the words do not depend on the test's day. */
const tonight = (overrides = {}) =>
  bookingFixture({ date: shanghaiDate(), startsAt: '19:00', endsAt: '19:30', ...overrides });

describe('booking result: 需要社工陪同', () => {
  it('tells the social workers about tonight’s booking, and says so in text', async () => {
    routeCalls({ 'roster.requestCompanion': granted });
    render(<BookingResult booking={tonight()} onAgain={jest.fn()} />);
    const result = screen.getByRole('status');
    expect(within(result).getByText('预约成功')).toBeTruthy();
    // Outside the status box: the box is not read out again while the resident types.
    expect(within(result).queryByText('需要社工陪同')).toBeNull();

    fireEvent.click(screen.getByText('需要社工陪同'));
    fireEvent.change(screen.getByLabelText('想告诉社工的话（选填）'), {
      target: { value: '坐轮椅' },
    });
    fireEvent.click(screen.getByText('通知社工'));

    expect(await screen.findByText('已通知社工，请在服务台稍候')).toBeTruthy();
    expect(callsOf('roster.requestCompanion')).toEqual([
      {
        community: 'jinse',
        about: '预约 政务服务 19:00',
        date: shanghaiDate(),
        note: '坐轮椅',
        requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
      },
    ]);
  });

  it('names the day when the booking is not for tonight', async () => {
    routeCalls({ 'roster.requestCompanion': granted });
    const later = shanghaiDate(Date.now() + 7 * 86_400_000);
    const [, month, day] = later.split('-').map(Number);
    render(<BookingResult booking={tonight({ date: later })} onAgain={jest.fn()} />);
    fireEvent.click(screen.getByText('需要社工陪同'));
    fireEvent.click(screen.getByText('通知社工'));
    await screen.findByText('已通知社工，请在服务台稍候');
    expect(callsOf('roster.requestCompanion')[0]).toMatchObject({
      about: `预约 政务服务 ${month}月${day}日 19:00`,
      // Filed on that evening's roster, not tonight's.
      date: later,
    });
  });

  it('retries a lost request with the same requestId; a refusal is shown in its own words', async () => {
    let attempts = 0;
    routeCalls({
      'roster.requestCompanion': async (input) => {
        attempts += 1;
        if (attempts === 1) throw new GatewayError({ code: 'INTERNAL', message: NETWORK_MESSAGE });
        if (attempts === 2) {
          throw new GatewayError({ code: 'RATE_LIMITED', message: '操作太频繁，请稍后再试' });
        }
        return granted(input);
      },
    });
    render(<BookingResult booking={tonight()} onAgain={jest.fn()} />);
    fireEvent.click(screen.getByText('需要社工陪同'));
    fireEvent.click(screen.getByText('通知社工'));
    expect((await screen.findByRole('alert')).textContent).toBe(`✕ ${NETWORK_MESSAGE}`);

    fireEvent.click(screen.getByText('通知社工'));
    expect(await screen.findByText('✕ 操作太频繁，请稍后再试')).toBeTruthy();

    fireEvent.click(screen.getByText('通知社工'));
    expect(await screen.findByText('已通知社工，请在服务台稍候')).toBeTruthy();
    const ids = callsOf('roster.requestCompanion').map((i) => i.requestId);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(1);
  });

  it('is not offered for a waitlist place', () => {
    render(
      <BookingResult
        booking={tonight({ status: 'waitlisted', waitlistPosition: 1 })}
        onAgain={jest.fn()}
      />,
    );
    expect(screen.getByText('已加入候补，第 1 位')).toBeTruthy();
    expect(screen.queryByText('需要社工陪同')).toBeNull();
  });
});
