import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { CalendarEvening, CalendarView } from '@/types/contract';
import { COMMUNITIES } from '@/test-utils/fixtures';
import { callMock, callsOf, routeCalls } from '@/test-utils/mock-gateway';
import { resetTaroDouble, setRouterParams } from '../../../../tests/doubles/taro';
import CalendarPage from './index';

jest.mock('@/lib/gateway', () => ({ ...jest.requireActual('@/lib/gateway'), call: jest.fn() }));

const evening = (date: string, fields: Partial<CalendarEvening> = {}): CalendarEvening => ({
  date,
  weekday: 3,
  opensAt: '17:00',
  closesAt: '20:00',
  source: 'weekly',
  cancelled: false,
  reason: '',
  ...fields,
});

const VIEW: CalendarView = {
  community: 'jinse',
  today: '2026-12-02',
  evenings: [
    evening('2026-12-09', { cancelled: true, reason: '台风停开' }),
    evening('2026-12-12', { weekday: 6, source: 'extra', opensAt: '09:00', closesAt: '11:00' }),
    evening('2026-12-16'),
  ],
};

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
  setRouterParams({ c: 'jinse' });
});

describe('开放日历 page', () => {
  it('gives each evening the buttons of its state, each named with its date', async () => {
    routeCalls({
      'community.list': async () => COMMUNITIES,
      'community.calendar': async () => VIEW,
      'community.restoreDate': async () => VIEW,
      'community.cancelDate': async () => ({
        ...VIEW,
        cancelledBookings: 2,
        cancelledSignUps: 0,
        told: 2,
      }),
    });
    render(<CalendarPage />);
    expect(await screen.findByText('已暂停开放：台风停开')).toBeTruthy();
    const names = screen
      .getAllByRole('button')
      .map((b) => b.getAttribute('aria-label') ?? b.textContent);
    expect(names).toEqual([
      '恢复开放 2026-12-09',
      '暂停开放 2026-12-12',
      '取消加开 2026-12-12',
      '暂停开放 2026-12-16',
      '加开这一晚',
    ]);

    fireEvent.click(screen.getByRole('button', { name: '恢复开放 2026-12-09' }));
    await waitFor(() =>
      expect(callsOf('community.restoreDate')).toEqual([
        { community: 'jinse', date: '2026-12-09' },
      ]),
    );
    fireEvent.click(screen.getByRole('button', { name: '暂停开放 2026-12-16' }));
    await waitFor(() =>
      expect(callsOf('community.cancelDate')).toEqual([
        { community: 'jinse', date: '2026-12-16', reason: '' },
      ]),
    );
  });

  it('checks the 加开一晚 fields before sending', async () => {
    routeCalls({
      'community.list': async () => COMMUNITIES,
      'community.calendar': async () => VIEW,
      'community.addEvening': async () => VIEW,
    });
    render(<CalendarPage />);
    await screen.findByText('加开一晚');
    fireEvent.click(screen.getByRole('button', { name: '加开这一晚' }));
    expect((await screen.findByRole('alert')).textContent).toBe('✕ 请按 2026-12-10 的格式填写日期');
    expect(callsOf('community.addEvening')).toEqual([]);
  });
});
