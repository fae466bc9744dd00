import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { GatewayError } from '@/lib/gateway';
import type { StaffSuggestion } from '@/types/contract';
import {
  COMMUNITIES,
  staffSuggestionFixture,
  staffSuggestionsFixture,
} from '@/test-utils/fixtures';
import { callMock, callsOf, routeCalls, type Handlers } from '@/test-utils/mock-gateway';
import { navigateTo, resetTaroDouble, setRouterParams } from '../../../../tests/doubles/taro';
import SuggestionsPage from './index';

jest.mock('@/lib/gateway', () => ({ ...jest.requireActual('@/lib/gateway'), call: jest.fn() }));

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
  setRouterParams({ c: 'jinse' });
});

async function openPage(handlers: Handlers = {}) {
  routeCalls({
    'suggestion.list': async () => staffSuggestionsFixture(),
    'community.list': async () => COMMUNITIES,
    ...handlers,
  });
  const view = render(<SuggestionsPage />);
  await screen.findByText('希望周五晚上也能开放');
  return view;
}

const card = (receipt: string) => {
  const found = screen
    .getByText(receipt, { exact: false, selector: '.bdb-suggestion-card__receipt' })
    .closest<HTMLElement>('.bdb-suggestion-card');
  if (!found) throw new Error(`no card for ${receipt}`);
  return found;
};
const receipts = (container: HTMLElement) =>
  [...container.querySelectorAll('.bdb-suggestion-card__receipt')].map((r) => r.textContent);
const tagsOf = (receipt: string) =>
  [...card(receipt).querySelectorAll('.bdb-desk-tag')].map((t) => t.textContent);
const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

/** What the server answers to a reply: the suggestion with its new status and words. */
const replied = (id: string, patch: Partial<StaffSuggestion>) => ({
  ...staffSuggestionsFixture().find((s) => s.id === id)!,
  ...patch,
});

describe('staff suggestions page', () => {
  it('shows each suggestion with receipt, category, author, text, photo, source and status', async () => {
    const { container } = await openPage();

    expect(await screen.findByText('金色里程 建议处理')).toBeTruthy();
    expect(callsOf('suggestion.list')).toEqual([{ community: 'jinse' }]);
    expect(receipts(container)).toEqual([
      'JS-1201-001 · 开放时间',
      'JS-1202-001 · 血压测量',
      'JS-1202-002 · 环境设施',
      'JS-1203-001 · 家电维修',
      'JS-1203-002 · 开放时间',
    ]);
    expect(tagsOf('JS-1201-001')).toEqual(['已收到', '居民提交']);
    expect(tagsOf('JS-1202-001')).toEqual(['处理中', '回访代提']);
    expect(tagsOf('JS-1203-002')).toEqual(['已合并', '居民提交']);

    const first = within(card('JS-1201-001'));
    expect(first.getByRole('button', { name: '居民（尾号 a1b2） 的记录' })).toBeTruthy();
    expect(first.getByLabelText('JS-1201-001 的照片').getAttribute('src')).toBe('/media/sg-1.jpg');
    expect(first.getByText('提交于 12月1日 周二 19:10')).toBeTruthy();
    // An erased author has no thread to open.
    expect(within(card('JS-1203-001')).getByText('提出人：匿名')).toBeTruthy();
    expect(within(card('JS-1203-001')).queryByRole('button', { name: /的记录/ })).toBeNull();

    const merged = within(card('JS-1203-002'));
    expect(merged.getByText('已合并到 JS-1201-001')).toBeTruthy();
    expect(merged.queryByRole('button', { name: /答复|合并/ })).toBeNull();
    expect(within(card('JS-1202-002')).getByText('答复：感谢建议，已经安排')).toBeTruthy();
  });

  it('filters by status', async () => {
    const { container } = await openPage();
    const chips = screen.getByRole('radiogroup', { name: '按状态筛选' });
    expect(
      within(chips)
        .getAllByRole('radio')
        .map((c) => c.textContent),
    ).toEqual([
      '✓ 全部 5',
      '已收到 1',
      '处理中 1',
      '已采纳 2',
      '已答复 0',
      '暂不采纳 0',
      '已合并 1',
    ]);
    fireEvent.click(screen.getByRole('radio', { name: '按状态筛选 已采纳 2' }));
    expect(receipts(container)).toEqual(['JS-1202-002 · 环境设施', 'JS-1203-001 · 家电维修']);
    fireEvent.click(screen.getByRole('radio', { name: '按状态筛选 暂不采纳 0' }));
    expect(screen.getByText('没有“暂不采纳”的建议')).toBeTruthy();
  });

  it('replies with a template, and loads the list again', async () => {
    await openPage({
      'suggestion.reply': async (input) =>
        replied(input.id, { status: input.status, reply: input.reply }),
    });
    fireEvent.click(screen.getByRole('button', { name: '答复 JS-1201-001' }));
    fireEvent.click(
      screen.getByRole('button', { name: 'JS-1201-001 用常用答复：已收到，我们会在本周内研究' }),
    );
    expect((screen.getByLabelText('JS-1201-001 答复内容') as HTMLTextAreaElement).value).toBe(
      '已收到，我们会在本周内研究',
    );
    expect(
      screen
        .getByRole('radio', { name: 'JS-1201-001 处理结果 处理中' })
        .getAttribute('aria-checked'),
    ).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: '发送答复 JS-1201-001' }));

    expect(await screen.findByText('✓ 已答复 JS-1201-001（处理中），居民会收到通知')).toBeTruthy();
    expect(callsOf('suggestion.reply')).toEqual([
      { id: 'sg-1', status: 'reviewing', reply: '已收到，我们会在本周内研究' },
    ]);
    expect(callsOf('suggestion.list')).toHaveLength(2);
    // The form closes once sent.
    expect(screen.queryByLabelText('JS-1201-001 答复内容')).toBeNull();
  });

  it('needs a reason before 暂不采纳 is sent', async () => {
    await openPage({
      'suggestion.reply': async (input) =>
        replied(input.id, { status: input.status, reply: input.reply, reason: input.reason }),
    });
    fireEvent.click(screen.getByRole('button', { name: '答复 JS-1202-001' }));
    // The form starts from what was said before.
    expect((screen.getByLabelText('JS-1202-001 答复内容') as HTMLTextAreaElement).value).toBe(
      '已收到，我们会在本周内研究',
    );
    fireEvent.click(
      screen.getByRole('button', { name: 'JS-1202-001 用常用答复：暂不具备条件，原因如下' }),
    );
    expect(screen.getByText('暂不采纳的原因（必填）')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '发送答复 JS-1202-001' }));

    const alert = within(card('JS-1202-001')).getByRole('alert');
    expect(alert.textContent).toBe('✕ 暂不采纳时请写明原因');
    expect(callsOf('suggestion.reply')).toHaveLength(0);

    type('JS-1202-001 原因', '仪器要街道统一采购，明年春季再评估');
    fireEvent.click(screen.getByRole('button', { name: '发送答复 JS-1202-001' }));
    expect(
      await screen.findByText('✓ 已答复 JS-1202-001（暂不采纳），居民会收到通知'),
    ).toBeTruthy();
    expect(callsOf('suggestion.reply')).toEqual([
      {
        id: 'sg-2',
        status: 'not-adopted',
        reply: '暂不具备条件，原因如下',
        reason: '仪器要街道统一采购，明年春季再评估',
      },
    ]);
  });

  it('shows the server’s refusal of a reply', async () => {
    await openPage({
      'suggestion.reply': async () => {
        throw new GatewayError({
          code: 'CONFLICT',
          message: '这条建议已合并，请在合并后的建议上答复',
        });
      },
    });
    fireEvent.click(screen.getByRole('button', { name: '答复 JS-1201-001' }));
    fireEvent.click(screen.getByRole('radio', { name: 'JS-1201-001 处理结果 已答复' }));
    type('JS-1201-001 答复内容', '周五晚暂不开放');
    fireEvent.click(screen.getByRole('button', { name: '发送答复 JS-1201-001' }));
    const alert = await screen.findByText('✕ 这条建议已合并，请在合并后的建议上答复');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(callsOf('suggestion.reply')).toEqual([
      { id: 'sg-1', status: 'answered', reply: '周五晚暂不开放' },
    ]);
  });

  it('merges a duplicate into another suggestion picked by receipt', async () => {
    await openPage({
      'suggestion.merge': async ({ id, into }) =>
        replied(id, { status: 'merged', mergedInto: into }),
    });
    fireEvent.click(screen.getByRole('button', { name: '合并 JS-1203-001 到…' }));
    const form = within(card('JS-1203-001'));
    fireEvent.click(form.getByRole('button', { name: '确定合并 JS-1203-001' }));
    expect(form.getByRole('alert').textContent).toBe('✕ 请先选择要合并到哪条建议');

    const options = [...form.getByRole('combobox').querySelectorAll('option')];
    // Itself and the merged one are not offered.
    expect(options.map((o) => o.textContent)).toEqual([
      'JS-1201-001 希望周五晚上也能开放',
      'JS-1202-001 量血压排队太久，希望多一台仪…',
      'JS-1202-002 活动室的灯太暗了',
    ]);
    fireEvent.change(form.getByRole('combobox'), { target: { value: '1' } });
    expect(form.getByText('合并到：JS-1202-001 量血压排队太久，希望多一台仪…')).toBeTruthy();
    fireEvent.click(form.getByRole('button', { name: '确定把 JS-1203-001 合并到 JS-1202-001' }));

    expect(await screen.findByText('✓ 已把 JS-1203-001 合并到 JS-1202-001')).toBeTruthy();
    expect(callsOf('suggestion.merge')).toEqual([{ id: 'sg-4', into: 'sg-2' }]);
    expect(callsOf('suggestion.list')).toHaveLength(2);
  });

  it('records an improvement (你说我做) for the ticked adopted suggestions', async () => {
    let list = staffSuggestionsFixture();
    await openPage({
      'suggestion.list': async () => list,
      'suggestion.logChange': async (input) => {
        const change = {
          id: 'ch-2',
          title: input.title,
          detail: input.detail,
          since: input.since,
          receipts: ['JS-1202-002', 'JS-1203-001'],
          createdAt: '2026-12-05T11:00:00+08:00',
        };
        list = list.map((s) => (input.suggestionIds.includes(s.id) ? { ...s, change } : s));
        return change;
      },
    });
    // Only adopted suggestions without a change can be ticked.
    expect(screen.getAllByRole('checkbox').map((c) => c.getAttribute('aria-label'))).toEqual([
      '选 JS-1202-002 记录改进',
      '选 JS-1203-001 记录改进',
    ]);
    expect(screen.queryByText('记录改进（你说我做）')).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: '选 JS-1202-002 记录改进' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '选 JS-1203-001 记录改进' }));
    expect(screen.getByText(/回应已选的 2 条建议：JS-1202-002、JS-1203-001/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '记录改进' }));
    expect(screen.getByText('✕ 请写改进的标题，如：周三晚增加康复理疗')).toBeTruthy();
    expect(screen.getByText('✕ 请写改进的内容')).toBeTruthy();
    expect(callsOf('suggestion.logChange')).toHaveLength(0);

    type('改进标题', '活动室换亮灯，家电维修每周都有');
    type('改进内容', '活动室换了 LED 灯；家电维修改为每周三晚。');
    fireEvent.change(screen.getByLabelText('日期选择器'), { target: { value: '2026-12-09' } });
    expect(screen.getByText('12月9日 周三 起')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '记录改进' }));

    expect(
      await screen.findByText('✓ 已记录改进“活动室换亮灯，家电维修每周都有”，回应 2 条建议'),
    ).toBeTruthy();
    expect(callsOf('suggestion.logChange')).toEqual([
      {
        community: 'jinse',
        title: '活动室换亮灯，家电维修每周都有',
        detail: '活动室换了 LED 灯；家电维修改为每周三晚。',
        since: '2026-12-09',
        suggestionIds: ['sg-3', 'sg-4'],
      },
    ]);
    await waitFor(() =>
      expect(
        within(card('JS-1202-002')).getByText(
          '改进：活动室换亮灯，家电维修每周都有（2026-12-09 起）',
        ),
      ).toBeTruthy(),
    );
    expect(screen.queryByText('记录改进（你说我做）')).toBeNull();
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
  });

  it('leads from an author to their thread', async () => {
    await openPage();
    fireEvent.click(screen.getByRole('button', { name: '王阿姨 的记录' }));
    expect(navigateTo).toHaveBeenCalledWith({
      url: '/package-staff/pages/timeline/index?c=jinse&r=user-wang',
    });
  });

  it('says so when there is no suggestion yet', async () => {
    routeCalls({
      'suggestion.list': async () => [],
      'community.list': async () => COMMUNITIES,
    });
    render(<SuggestionsPage />);
    expect(await screen.findByText('还没有居民提建议')).toBeTruthy();
  });

  it('offers no merge when there is nothing to merge into', async () => {
    await openPage({ 'suggestion.list': async () => [staffSuggestionFixture()] });
    expect(screen.getByRole('button', { name: '答复 JS-1201-001' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /合并/ })).toBeNull();
  });

  it('asks to come in through the staff entry without a community', () => {
    setRouterParams({});
    render(<SuggestionsPage />);
    expect(screen.getByText('请从“工作人员入口”进入建议处理')).toBeTruthy();
    expect(callMock).not.toHaveBeenCalled();
  });
});
