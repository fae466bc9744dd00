import { fireEvent, render, screen } from '@testing-library/react';
import { GatewayError } from '@/lib/gateway';
import type { Subdistrict, SubdistrictWeek } from '@/types/contract';
import { callMock, callsOf, routeCalls } from '@/test-utils/mock-gateway';
import { resetTaroDouble, setRouterParams } from '../../../../tests/doubles/taro';
import SubdistrictPage from './index';

jest.mock('@/lib/gateway', () => ({ ...jest.requireActual('@/lib/gateway'), call: jest.fn() }));

const MONDAYS = ['10-12', '10-19', '10-26', '11-02', '11-09', '11-16', '11-23', '11-30'];
const empty = { satisfied: 0, mostly: 0, unsatisfied: 0 };
const week = (i: number, visits = 0, extra: Partial<SubdistrictWeek> = {}): SubdistrictWeek => ({
  week: `2026-${MONDAYS[i]}`,
  evenings: [],
  cancelled: [],
  visits,
  people: visits,
  cost: null,
  satisfaction: empty,
  satisfiedPercent: null,
  openSuggestions: 0,
  ...extra,
});

const VIEW: Subdistrict = {
  date: '2026-12-03',
  weeks: MONDAYS.map((m) => `2026-${m}`),
  communities: [
    {
      id: 'jinse',
      name: '金色里程社区',
      last: {
        date: '2026-12-02',
        visits: 3,
        people: 2,
        cost: 30,
        satisfaction: { satisfied: 1, mostly: 0, unsatisfied: 1 },
        satisfiedPercent: 50,
        openSuggestions: 1,
      },
      weeks: [
        ...[0, 1, 2, 3, 4].map((i) => week(i)),
        // A week whose only evening was cancelled on the calendar.
        week(5, 0, { cost: 0, cancelled: [{ date: '2026-11-18', reason: '台风停开' }] }),
        week(6, 4, { cost: 40, satisfaction: { satisfied: 2, mostly: 0, unsatisfied: 0 } }),
        week(7, 3, { cost: 30, satisfaction: { satisfied: 1, mostly: 0, unsatisfied: 1 } }),
      ],
    },
  ],
};

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
  setRouterParams({});
});

describe('街道汇总 page', () => {
  it("shows each community's last evening and 8 weeks, and exports the CSV", async () => {
    routeCalls({
      'report.subdistrict': async () => VIEW,
      'report.subdistrictCsv': async () => ({ filename: '街道汇总-2026-12-03.csv', csv: 'x' }),
    });
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:x'), revokeObjectURL: jest.fn() });
    const clicked: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this.download);
    });
    render(<SubdistrictPage />);
    expect(await screen.findByText('金色里程社区')).toBeTruthy();
    // No date in the link: the server's today.
    expect(callsOf('report.subdistrict')).toEqual([{}]);
    expect(
      screen.getByText(
        '最近一晚 12月2日：3 人次 · 2 人 · 费用 30 元 · 满意率 50% · 未答复建议 1 条',
      ),
    ).toBeTruthy();
    expect(
      screen.getByText('近 8 周合计：7 人次 · 费用 70 元 · 满意率 75% · 取消 1 晚'),
    ).toBeTruthy();
    expect(screen.getByText('11/30').nextSibling?.textContent).toBe('3');
    expect(screen.getByText('11/16').nextSibling?.textContent).toBe('取消');
    expect(screen.getByText('11/9').nextSibling?.textContent).toBe('0');
    expect(screen.getByRole('button', { name: '打印街道汇总' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '导出 CSV（每社区每周一行）' }));
    expect(await screen.findByText('✓ 已下载 街道汇总-2026-12-03.csv')).toBeTruthy();
    expect(callsOf('report.subdistrictCsv')).toEqual([{ date: '2026-12-03' }]);
    expect(clicked).toEqual(['街道汇总-2026-12-03.csv']);
  });

  it('says why when the caller is not an admin, and an empty subdistrict plainly', async () => {
    routeCalls({
      'report.subdistrict': async () => {
        throw new GatewayError({ code: 'FORBIDDEN', message: '只有管理员可以查看' });
      },
    });
    const { unmount } = render(<SubdistrictPage />);
    expect(await screen.findByText('只有管理员可以查看')).toBeTruthy();
    expect(screen.getByRole('button', { name: '重试' })).toBeTruthy();
    unmount();
    routeCalls({ 'report.subdistrict': async () => ({ ...VIEW, communities: [] }) });
    render(<SubdistrictPage />);
    expect(await screen.findByText('还没有社区')).toBeTruthy();
  });
});
