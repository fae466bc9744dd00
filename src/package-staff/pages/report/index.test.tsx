import { TextDecoder } from 'node:util';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { GatewayError } from '@/lib/gateway';
import type { EveningReport } from '@/types/contract';
import {
  COMMUNITIES,
  eveningReportFixture,
  identityFixture,
  overviewFixture,
  tonightFixture,
} from '@/test-utils/fixtures';
import { callMock, callsOf, routeCalls, type Handlers } from '@/test-utils/mock-gateway';
import { resetTaroDouble, setRouterParams } from '../../../../tests/doubles/taro';
import ReportPage from './index';

jest.mock('@/lib/gateway', () => ({ ...jest.requireActual('@/lib/gateway'), call: jest.fn() }));

const STAFF = identityFixture({ userId: 'u1', role: 'staff', communities: ['jinse'] });
const ADMIN = identityFixture({ userId: 'admin-1', role: 'admin' });

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
  setRouterParams({ c: 'jinse', d: '2026-12-02' });
});

async function openPage(handlers: Handlers = {}) {
  routeCalls({
    'report.evening': async ({ date }) => eveningReportFixture({ date }),
    'community.list': async () => COMMUNITIES,
    'staff.me': async () => STAFF,
    ...handlers,
  });
  const view = render(<ReportPage />);
  await screen.findByText('这一晚合计');
  return view;
}

const card = (name: string) => {
  const found = screen
    .getByText(name, { selector: '.bdb-desk-card__name' })
    .closest<HTMLElement>('.bdb-desk-card');
  if (!found) throw new Error(`no card for ${name}`);
  return found;
};
/** A card's figures in words: its last text, one figure a line. */
const figures = (name: string) => card(name).lastElementChild!.textContent!.split('\n');
/** Each bar's words and its fill's width (bar.scss draws it from --bdb-bar). */
const bars = (container: HTMLElement) =>
  [...container.querySelectorAll<HTMLElement>('.bdb-bar')].map(
    (bar) => `${bar.textContent} ${bar.style.getPropertyValue('--bdb-bar')}`,
  );
function readBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}
const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));

describe('staff evening report page (晚间报表)', () => {
  it('shows the evening’s totals and each service against the week before', async () => {
    const { container } = await openPage();

    expect(await screen.findByText('金色里程 晚间报表')).toBeTruthy();
    expect(callsOf('report.evening')).toEqual([{ community: 'jinse', date: '2026-12-02' }]);
    expect(callsOf('community.tonight')).toHaveLength(0);
    expect(screen.getByText('12月2日 周三（点这里换一天）')).toBeTruthy();
    // Visits (人次) and distinct residents (人) side by side: 25 visits were 22 residents.
    expect(screen.getByText('25 人次', { selector: '.bdb-desk-figures__value' })).toBeTruthy();
    expect(screen.getByText('22 人', { selector: '.bdb-desk-figures__value' })).toBeTruthy();
    expect(screen.getByText('服务人次').nextSibling?.textContent).toBe('25 人次');
    expect(screen.getByText('服务居民').nextSibling?.textContent).toBe('22 人');
    expect(screen.getByText('费用合计 340 元')).toBeTruthy();
    expect(screen.getByText('↑ 比上周多 4 人次（上周 21 人次）')).toBeTruthy();

    const bp = within(card('血压测量'));
    expect(bp.getByText('取号', { selector: '.bdb-desk-tag' })).toBeTruthy();
    // Last week's 9 is on its bar just above the trend.
    expect(bp.getByText('↑ 比上周多 3 人次')).toBeTruthy();
    expect(figures('血压测量')).toEqual([
      '服务 12 人次（11 人） · 取号 14 · 未到 2',
      '等候：一半的人不超过 8 分钟，九成不超过 15.5 分钟；办理一般 4 分钟',
      '回访满意度：满意 3 · 基本满意 1 · 不满意 1',
      '当晚建议：收到 2 条，已答复 1 条',
      '费用：单价 15 元 × 12 人次 = 180 元',
    ]);

    expect(within(card('家电维修')).getByText('↓ 比上周少 2 人次')).toBeTruthy();
    expect(figures('家电维修')).toEqual([
      '服务 5 人次（5 人） · 预约 6 · 未到 1',
      '回访满意度：满意 1 · 基本满意 0 · 不满意 0',
      '当晚建议：收到 0 条，已答复 0 条',
      '费用：还没有设置单价',
    ]);
    expect(within(card('棋牌娱乐')).getByText('→ 与上周持平')).toBeTruthy();
    expect(figures('活动')[0]).toBe('服务 8 人次（7 人） · 活动到场 8');

    // Every bar says its number; all service bars share one scale (12 is the most).
    expect(bars(container)).toEqual([
      '本周 12月2日25 人次 · 22 人 100%',
      '上周 11月25日21 人次 · 19 人 84%',
      '本周 12月2日12 人次 · 11 人 100%',
      '上周 11月25日9 人次 75%',
      '本周 12月2日5 人次 · 5 人 42%',
      '上周 11月25日7 人次 58%',
      '本周 12月2日0 人次 · 0 人 0%',
      '上周 11月25日0 人次 0%',
      '本周 12月2日8 人次 · 7 人 67%',
      '上周 11月25日5 人次 42%',
    ]);
    // Staff see their community only.
    expect(screen.queryByText('各社区对比')).toBeNull();
    expect(callsOf('report.overview')).toHaveLength(0);
  });

  it('starts from the last service evening by the server’s clock, and changes day', async () => {
    setRouterParams({ c: 'jinse' });
    // Thursday 3 December; the community opens on Wednesdays.
    await openPage({
      'community.tonight': async () =>
        tonightFixture({ date: '2026-12-03', weekday: 4, serviceEvening: false }),
    });
    expect(callsOf('report.evening')).toEqual([{ community: 'jinse', date: '2026-12-02' }]);

    fireEvent.change(screen.getByLabelText('日期选择器'), { target: { value: '2026-11-25' } });
    expect(await screen.findByText('11月25日 周三（点这里换一天）')).toBeTruthy();
    await waitFor(() =>
      expect(callsOf('report.evening')).toEqual([
        { community: 'jinse', date: '2026-12-02' },
        { community: 'jinse', date: '2026-11-25' },
      ]),
    );
  });

  it('falls back to the phone’s date when the server’s evening cannot be read', async () => {
    setRouterParams({ c: 'jinse' });
    await openPage({
      'community.tonight': async () => {
        throw new GatewayError({ code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' });
      },
    });
    expect(callsOf('report.evening')).toHaveLength(1);
    expect(callsOf('report.evening')[0]!.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  describe('导出', () => {
    const createObjectURL = jest.fn((_blob: Blob) => 'blob:report');
    const revokeObjectURL = jest.fn();
    let clicked: HTMLAnchorElement[] = [];

    beforeEach(() => {
      createObjectURL.mockClear();
      clicked = [];
      Object.assign(URL, { createObjectURL, revokeObjectURL });
      jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
        this: HTMLAnchorElement,
      ) {
        clicked.push(this);
      });
    });
    afterEach(() => jest.restoreAllMocks());

    it('downloads the summary and the visits as UTF-8 CSV with one BOM', async () => {
      const summary = '\uFEFF服务,服务人次,服务人数\r\n血压测量,12,11\r\n';
      await openPage({
        'report.csv': async ({ kind }) => ({
          filename: `金色里程-2026-12-02-${kind === 'summary' ? '服务汇总' : '到访明细'}.csv`,
          csv: kind === 'summary' ? summary : '类型,服务\r\n取号,血压测量\r\n',
        }),
      });
      click('导出汇总 CSV');
      expect(await screen.findByText('✓ 已下载 金色里程-2026-12-02-服务汇总.csv')).toBeTruthy();
      click('导出明细 CSV');
      expect(await screen.findByText('✓ 已下载 金色里程-2026-12-02-到访明细.csv')).toBeTruthy();

      expect(callsOf('report.csv')).toEqual([
        { community: 'jinse', date: '2026-12-02', kind: 'summary' },
        { community: 'jinse', date: '2026-12-02', kind: 'visits' },
      ]);
      expect(clicked.map((a) => a.download)).toEqual([
        '金色里程-2026-12-02-服务汇总.csv',
        '金色里程-2026-12-02-到访明细.csv',
      ]);
      const decode = async (blob: Blob) =>
        new TextDecoder('utf-8', { ignoreBOM: true }).decode(await readBytes(blob));
      const [first, second] = createObjectURL.mock.calls.map(([blob]) => blob);
      expect(first!.type).toBe('text/csv;charset=utf-8');
      expect(await decode(first!)).toBe(summary);
      // A CSV without a BOM gets one, for Excel.
      expect(await decode(second!)).toBe('\uFEFF类型,服务\r\n取号,血压测量\r\n');
    });

    it('shows a refused export', async () => {
      await openPage({
        'report.csv': async () => {
          throw new GatewayError({ code: 'FORBIDDEN', message: '只有本社区的社工可以导出' });
        },
      });
      click('导出明细 CSV');
      const alert = await screen.findByText('✕ 只有本社区的社工可以导出');
      expect(alert.getAttribute('role')).toBe('alert');
      expect(clicked).toHaveLength(0);
    });
  });

  it('sets unit costs: checked per service, only changes sent, and the report recalculated', async () => {
    let report: EveningReport = eveningReportFixture();
    await openPage({
      'report.evening': async () => report,
      'report.costs': async ({ costs }) => {
        report = {
          ...report,
          services: report.services.map((s) =>
            costs[s.service] === undefined
              ? s
              : { ...s, unitCost: costs[s.service]!, cost: costs[s.service]! * s.visits },
          ),
          totals: { visits: 25, people: 22, cost: 490 },
        };
        return { bp: 15, chess: 0, activity: 20, ...costs };
      },
    });
    click('单价设置');
    const value = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;
    expect([value('血压测量 单价'), value('家电维修 单价'), value('活动 单价')]).toEqual([
      '15',
      '',
      '20',
    ]);
    click('保存单价');
    expect(screen.getByRole('alert').textContent).toBe('✕ 单价没有改动');

    fireEvent.change(screen.getByLabelText('血压测量 单价'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('家电维修 单价'), { target: { value: '三十' } });
    click('保存单价');
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([
      '✕ 单价不能清空；不计费请填 0',
      '✕ 请填 0–10000 元，如 15 或 12.5',
    ]);
    expect(callsOf('report.costs')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('血压测量 单价'), { target: { value: '15' } });
    fireEvent.change(screen.getByLabelText('家电维修 单价'), { target: { value: '30' } });
    click('保存单价');
    expect(await screen.findByText('✓ 已保存 1 项单价，费用已重新计算')).toBeTruthy();
    expect(callsOf('report.costs')).toEqual([{ community: 'jinse', costs: { repair: 30 } }]);
    expect(await screen.findByText('费用合计 490 元')).toBeTruthy();
    expect(figures('家电维修')).toContain('费用：单价 30 元 × 5 人次 = 150 元');
    expect(callsOf('report.evening')).toHaveLength(2);
    // The panel closes once saved.
    expect(screen.queryByLabelText('家电维修 单价')).toBeNull();
  });

  it('compares every community side by side for an admin', async () => {
    const { container } = await openPage({
      'staff.me': async () => ADMIN,
      'report.overview': async () => overviewFixture(),
    });
    expect(await screen.findByText('各社区对比')).toBeTruthy();
    expect(await screen.findByText('18 人次 · 15 人 · 未设单价')).toBeTruthy();
    expect(callsOf('report.overview')).toEqual([{ date: '2026-12-02' }]);
    const section = screen.getByText('各社区对比').parentElement!;
    expect(bars(section)).toEqual([
      '虎池苑（12月1日）18 人次 · 15 人 · 未设单价 72%',
      '金色里程（12月2日）25 人次 · 22 人 · 340 元 100%',
    ]);
    // The bars' tracks are drawn, not elements: a screen reader meets each bar's words only.
    expect(container.querySelectorAll('.bdb-bar')).toHaveLength(12);
    for (const bar of container.querySelectorAll('.bdb-bar')) expect(bar.children).toHaveLength(2);
  });

  it('shows a failed load with a retry', async () => {
    let fail = true;
    routeCalls({
      'report.evening': async () => {
        if (fail)
          throw new GatewayError({ code: 'FORBIDDEN', message: '只有本社区的社工可以查看' });
        return eveningReportFixture();
      },
      'community.list': async () => COMMUNITIES,
      'staff.me': async () => STAFF,
    });
    render(<ReportPage />);
    expect(await screen.findByText('只有本社区的社工可以查看')).toBeTruthy();
    fail = false;
    click('重试');
    expect(await screen.findByText('这一晚合计')).toBeTruthy();
  });

  it('asks to come in through the staff entry without a community', () => {
    setRouterParams({});
    render(<ReportPage />);
    expect(screen.getByText('请从“工作人员入口”进入晚间报表')).toBeTruthy();
    expect(callMock).not.toHaveBeenCalled();
  });
});
