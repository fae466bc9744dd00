import { fireEvent, render, screen, within } from '@testing-library/react';
import { GatewayError, NETWORK_MESSAGE } from '@/lib/gateway';
import { shanghaiDate } from '@/lib/shanghai-time';
import { bookingFixture, myCompanionFixture } from '@/test-utils/fixtures';
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
  myCompanionFixture({
    kind: input.kind,
    ref: input.ref,
    about: '预约 政务服务 19:00',
    note: input.note ?? '',
  });

const RECEIVED = '已收到您的陪同请求，社工会到服务台陪您';

/** A booking tonight (on this phone's own date), so the words do not depend on the test's day. */
const tonight = (overrides = {}) =>
  bookingFixture({ date: shanghaiDate(), startsAt: '19:00', endsAt: '19:30', ...overrides });

describe('booking result: 需要社工陪同', () => {
  it('tells the social workers about the booking, and says so in text', async () => {
    routeCalls({ 'roster.companionOf': async () => null, 'roster.requestCompanion': granted });
    const booking = tonight();
    render(<BookingResult booking={booking} onAgain={jest.fn()} />);
    const result = screen.getByRole('status');
    expect(within(result).getByText('预约成功')).toBeTruthy();
    // Outside the status box: the box is not read out again while the resident types.
    fireEvent.click(await screen.findByText('需要社工陪同'));
    expect(within(result).queryByText('需要社工陪同')).toBeNull();
    fireEvent.change(screen.getByLabelText('想告诉社工的话（选填）'), {
      target: { value: '坐轮椅' },
    });
    fireEvent.click(screen.getByText('通知社工'));

    expect(await screen.findByText(RECEIVED)).toBeTruthy();
    // The server reads the evening and the "about" from the booking itself.
    expect(callsOf('roster.requestCompanion')).toEqual([
      { kind: 'booking', ref: booking.id, note: '坐轮椅' },
    ]);
  });

  it('shows the state of a request made before, with no button', async () => {
    routeCalls({
      'roster.companionOf': async () =>
        myCompanionFixture({ kind: 'booking', status: 'assigned', workerName: '王社工' }),
    });
    render(<BookingResult booking={tonight()} onAgain={jest.fn()} />);
    expect(await screen.findByText('王社工陪同您，请在服务台稍候')).toBeTruthy();
    expect(screen.queryByText('需要社工陪同')).toBeNull();
  });

  it('shows a lost request and a refusal in their own words, then goes through', async () => {
    let attempts = 0;
    routeCalls({
      'roster.companionOf': async () => null,
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
    fireEvent.click(await screen.findByText('需要社工陪同'));
    fireEvent.click(screen.getByText('通知社工'));
    expect((await screen.findByRole('alert')).textContent).toBe(`✕ ${NETWORK_MESSAGE}`);

    fireEvent.click(screen.getByText('通知社工'));
    expect(await screen.findByText('✕ 操作太频繁，请稍后再试')).toBeTruthy();

    fireEvent.click(screen.getByText('通知社工'));
    expect(await screen.findByText(RECEIVED)).toBeTruthy();
    expect(callsOf('roster.requestCompanion')).toHaveLength(3);
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
