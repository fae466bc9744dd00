import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { GatewayError, NETWORK_MESSAGE } from '@/lib/gateway';
import {
  changeEntryFixture,
  residentFollowUpFixture,
  mySuggestionFixture,
} from '@/test-utils/fixtures';
import { callMock, callsOf, routeCalls, type Handlers } from '@/test-utils/mock-gateway';
import type { Suggestion } from '@/types/contract';
import {
  navigateTo,
  resetTaroDouble,
  setStorageSync,
  triggerDidShow,
} from '../../../../tests/doubles/taro';
import MySuggestionsPage from './index';

jest.mock('@/lib/gateway', () => ({ ...jest.requireActual('@/lib/gateway'), call: jest.fn() }));

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
  setStorageSync('bdb.community', 'jinse');
});

/** JS-1201-001: answered (not adopted) on 3 December, still reopenable. */
const answered = (overrides: Partial<Suggestion> = {}) =>
  mySuggestionFixture({
    id: 'sg-2',
    receipt: 'JS-1201-001',
    category: 'environment',
    categoryName: '环境设施',
    text: '活动室的灯太暗了\n看书费眼睛',
    status: 'not-adopted',
    reply: '这学期暂时换不了灯',
    reason: '照明改造要等街道统一安排',
    reopenable: true,
    createdAt: '2026-12-01T19:00:00+08:00',
    answeredAt: '2026-12-03T15:00:00+08:00',
    ...overrides,
  });

async function openMine(handlers: Handlers = {}) {
  routeCalls({
    'followup.pending': async () => [],
    'followup.preferences': async () => ({ noCalls: false, updatedAt: null }),
    'suggestion.mine': async () => [answered(), mySuggestionFixture()],
    ...handlers,
  });
  const view = render(<MySuggestionsPage />);
  await screen.findByText('回执号 JS-1202-003');
  return view;
}

function cardOf(container: HTMLElement, receipt: string): HTMLElement {
  const card = [...container.querySelectorAll<HTMLElement>('.bdb-my-suggestion')].find(
    (c) => c.querySelector('.bdb-my-suggestion__receipt')?.textContent === `回执号 ${receipt}`,
  );
  if (!card) throw new Error(`no card for ${receipt}`);
  return card;
}

describe('我的建议 page', () => {
  it('lists pending follow-ups first, then my suggestions with status, reply, reason and change', async () => {
    const { container } = await openMine({
      'followup.pending': async () => [
        residentFollowUpFixture(),
        residentFollowUpFixture({ id: 'f-2', kind: 'invite', date: '2026-11-25', services: [] }),
      ],
      'suggestion.mine': async () => [
        mySuggestionFixture({
          status: 'adopted',
          reply: '从 12 月 9 日起，周三晚增加康复理疗',
          change: changeEntryFixture(),
          answeredAt: '2026-12-04T10:00:00+08:00',
        }),
        answered(),
      ],
    });

    const texts = [...container.querySelectorAll('.bdb-my-suggestions-page__section')].map(
      (s) => s.textContent,
    );
    expect(texts).toEqual(['待回复的回访（2 条）', '我提的建议']);
    // Follow-ups come before the suggestions in the page.
    const [ask, invite] = [...container.querySelectorAll<HTMLElement>('.bdb-follow-up')];
    const firstSuggestion = container.querySelector('.bdb-my-suggestion')!;
    expect(
      ask.compareDocumentPosition(firstSuggestion) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(within(ask).getByText('关于 12月2日 的服务 · 金色里程')).toBeTruthy();
    expect(within(ask).getByText('您用过：政务服务 19:00、书法体验课')).toBeTruthy();
    expect(within(ask).getByRole('radiogroup', { name: '这次服务您满意吗？' })).toBeTruthy();
    expect(within(invite).getByText('关于 11月25日 的服务 · 金色里程')).toBeTruthy();

    const adopted = cardOf(container, 'JS-1202-003');
    expect(within(adopted).getByText('已采纳')).toBeTruthy();
    expect(within(adopted).getByText('开放时间 · 12月2日 提交')).toBeTruthy();
    expect(within(adopted).getByText('社区答复（12月4日）')).toBeTruthy();
    expect(within(adopted).getByText('从 12 月 9 日起，周三晚增加康复理疗')).toBeTruthy();
    expect(within(adopted).getByText('已改进：周三晚增加康复理疗（12月9日 起）')).toBeTruthy();

    const refused = cardOf(container, 'JS-1201-001');
    expect(within(refused).getByText('暂不采纳')).toBeTruthy();
    expect(within(refused).getByText('原因：照明改造要等街道统一安排')).toBeTruthy();
    // My words as typed: the line break kept, shown as text.
    expect(refused.querySelector('.bdb-my-suggestion__text')?.textContent).toBe(
      '活动室的灯太暗了\n看书费眼睛',
    );
  });

  it('answers a follow-up question here, then invites a suggestion about that evening', async () => {
    const { container } = await openMine({
      'followup.pending': async () => [residentFollowUpFixture()],
      'followup.answer': async ({ id }) => [residentFollowUpFixture({ id, kind: 'invite' })],
    });
    const ask = container.querySelector<HTMLElement>('.bdb-follow-up--ask')!;

    // Both questions are required; the note is not.
    fireEvent.click(within(ask).getByText('提交回复'));
    expect(
      within(ask)
        .getAllByRole('alert')
        .map((a) => a.textContent),
    ).toEqual(['✕ 请选择您是否满意', '✕ 请选择问题是否解决']);
    expect(callsOf('followup.answer')).toHaveLength(0);

    fireEvent.click(within(ask).getByRole('radio', { name: '基本满意' }));
    fireEvent.click(within(ask).getByRole('radio', { name: '部分解决' }));
    fireEvent.change(within(ask).getByLabelText('还想说点什么（选填）'), {
      target: { value: ' 排队有点久 ' },
    });
    fireEvent.click(within(ask).getByText('提交回复'));

    expect(await screen.findByText('✓ 谢谢您的回复，社区会认真看每一条回访')).toBeTruthy();
    expect(callsOf('followup.answer')).toEqual([
      { id: 'f-1', satisfaction: 'mostly', solved: 'partly', note: '排队有点久' },
    ]);
    expect(container.querySelector('.bdb-follow-up--ask')).toBeNull();
    const invite = container.querySelector<HTMLElement>('.bdb-follow-up--invite')!;
    fireEvent.click(within(invite).getByText('提建议'));
    expect(navigateTo).toHaveBeenCalledWith({
      url: '/package-suggestion/pages/submit/index?c=jinse&f=f-1',
    });
  });

  it('keeps the form after a lost answer, and says so when the question is already closed', async () => {
    let attempts = 0;
    const { container } = await openMine({
      'followup.pending': async () => [residentFollowUpFixture()],
      'followup.answer': async () => {
        attempts += 1;
        if (attempts === 1) throw new GatewayError({ code: 'INTERNAL', message: NETWORK_MESSAGE });
        throw new GatewayError({ code: 'CONFLICT', message: '这条回访已经结束了，谢谢您' });
      },
    });
    const ask = container.querySelector<HTMLElement>('.bdb-follow-up--ask')!;
    fireEvent.click(within(ask).getByRole('radio', { name: '满意' }));
    fireEvent.click(within(ask).getByRole('radio', { name: '已解决' }));
    fireEvent.click(within(ask).getByText('提交回复'));
    expect((await within(ask).findByRole('alert')).textContent).toBe(`✕ ${NETWORK_MESSAGE}`);
    // Still answerable, with the choices kept.
    expect(within(ask).getByRole('radio', { name: '满意' }).getAttribute('aria-checked')).toBe(
      'true',
    );
    // A changed answer is a new attempt: the old failure goes.
    fireEvent.click(within(ask).getByRole('radio', { name: '基本满意' }));
    expect(within(ask).queryByRole('alert')).toBeNull();

    fireEvent.click(within(ask).getByText('提交回复'));
    await waitFor(() =>
      expect(within(ask).getByRole('alert').textContent).toBe('✕ 这条回访已经结束了，谢谢您'),
    );
    expect(within(ask).queryByText('提交回复')).toBeNull();
    expect(callsOf('followup.answer')).toHaveLength(2);
  });

  it('asks 是否解决了 once answered, and marks the choice', async () => {
    const { container } = await openMine({
      'suggestion.answerSolved': async ({ solved }) => answered({ solved }),
    });
    // Not answered yet: nothing to say about it.
    expect(within(cardOf(container, 'JS-1202-003')).queryByText('是否解决了？')).toBeNull();

    const card = cardOf(container, 'JS-1201-001');
    expect(within(card).getByText('是否解决了？')).toBeTruthy();
    const partly = within(card).getByRole('radio', { name: '部分解决' });
    expect(partly.getAttribute('aria-checked')).toBe('false');
    fireEvent.click(partly);

    await waitFor(() =>
      expect(
        within(cardOf(container, 'JS-1201-001'))
          .getByRole('radio', { name: '部分解决' })
          .getAttribute('aria-checked'),
      ).toBe('true'),
    );
    expect(callsOf('suggestion.answerSolved')).toEqual([{ id: 'sg-2', solved: 'partly' }]);
  });

  it('reopens an answered suggestion only after confirming', async () => {
    const { container } = await openMine({
      'suggestion.reopen': async () =>
        answered({ status: 'reviewing', reopenable: false, solved: null }),
    });
    const card = () => cardOf(container, 'JS-1201-001');
    // Not answered yet: nothing to reopen.
    expect(within(cardOf(container, 'JS-1202-003')).queryByText('重新打开')).toBeNull();

    fireEvent.click(within(card()).getByRole('button', { name: '重新打开建议 JS-1201-001' }));
    expect(within(card()).getByRole('group', { name: '确认重新打开' })).toBeTruthy();
    expect(callsOf('suggestion.reopen')).toHaveLength(0);
    fireEvent.click(within(card()).getByText('不用了'));
    expect(within(card()).queryByText('确认重新打开')).toBeNull();

    fireEvent.click(within(card()).getByText('重新打开'));
    fireEvent.click(within(card()).getByText('确认重新打开'));

    await waitFor(() => expect(within(card()).getByText('处理中')).toBeTruthy());
    expect(callsOf('suggestion.reopen')).toEqual([{ id: 'sg-2' }]);
    expect(within(card()).queryByText('重新打开')).toBeNull();
  });

  it('erases my personal data only after a confirm step that says what stays', async () => {
    let erased = false;
    await openMine({
      'followup.erase': async () => {
        erased = true;
        return { erased: 3 };
      },
      'suggestion.mine': async () => (erased ? [] : [answered(), mySuggestionFixture()]),
    });

    fireEvent.click(screen.getByText('删除我的个人信息'));
    const confirm = screen.getByRole('group', { name: '确认删除我的个人信息' });
    expect(within(confirm).getByText(/匿名保留/)).toBeTruthy();
    fireEvent.click(within(confirm).getByText('不删除'));
    expect(screen.queryByRole('group', { name: '确认删除我的个人信息' })).toBeNull();
    expect(callsOf('followup.erase')).toHaveLength(0);

    fireEvent.click(screen.getByText('删除我的个人信息'));
    fireEvent.click(screen.getByText('确认删除'));

    expect(await screen.findByText('✓ 已删除您的个人信息。匿名统计仍会保留。')).toBeTruthy();
    expect(callsOf('followup.erase')).toEqual([{}]);
    expect(await screen.findByText('还没有提过建议')).toBeTruthy();
    expect(callsOf('suggestion.mine')).toHaveLength(2);
  });

  it('shows how far a suggestion got: 已列入点单 with its thread, then 已开通', async () => {
    const thread = [
      {
        kind: 'visit' as const,
        at: '2026-12-02T19:00:00+08:00',
        text: '2026-12-02 晚来过：政务服务 19:00',
      },
      { kind: 'call' as const, at: '2026-12-03T10:00:00+08:00', text: '电话回访：满意，已解决' },
      {
        kind: 'suggestion' as const,
        at: '2026-12-03T10:05:00+08:00',
        text: '提出建议 JS-1202-003',
      },
      { kind: 'menu' as const, at: '2026-12-12T10:00:00+08:00', text: '居民投票选中，已列入点单' },
    ];
    const votedIn = mySuggestionFixture({
      status: 'adopted',
      round: { title: '明年的服务', status: 'voted-in' },
      thread,
    });
    const { container, unmount } = await openMine({ 'suggestion.mine': async () => [votedIn] });
    const card = within(cardOf(container, 'JS-1202-003'));
    const progress = card.getByRole('group', { name: '建议 JS-1202-003 的进展' });
    expect(within(progress).getByText('已列入点单')).toBeTruthy();
    expect(
      [...progress.querySelectorAll('.bdb-my-suggestion__step')].map((t) => t.textContent),
    ).toEqual([
      '12月2日 2026-12-02 晚来过：政务服务 19:00',
      '12月3日 电话回访：满意，已解决',
      '12月3日 提出建议 JS-1202-003',
      '12月12日 居民投票选中，已列入点单',
    ]);
    unmount();
    const service = { ...votedIn, change: changeEntryFixture() };
    const again = await openMine({ 'suggestion.mine': async () => [service] });
    expect(within(cardOf(again.container, 'JS-1202-003')).getByText('已开通')).toBeTruthy();
  });

  it('turns 不要电话回访 on and back off with one switch, and says a failure', async () => {
    let fail = false;
    await openMine({
      'followup.setContact': async (input) => {
        if (fail) throw new GatewayError({ code: 'CONFLICT', message: '请稍后再试' });
        return { noCalls: input.noCalls, updatedAt: '2026-12-03T10:00:00+08:00' };
      },
    });
    const toggle = await screen.findByRole('switch', { name: /不要电话回访/ });
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('true'));
    expect(screen.getByText(/社区不会给您打回访电话/)).toBeTruthy();
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('false'));
    expect(callsOf('followup.setContact')).toEqual([{ noCalls: true }, { noCalls: false }]);
    fail = true;
    fireEvent.click(toggle);
    expect(await screen.findByText('✕ 请稍后再试')).toBeTruthy();
    expect(toggle.getAttribute('aria-checked')).toBe('false');
  });

  it('keeps my suggestions when the follow-ups fail to load, and reloads on return', async () => {
    await openMine({
      'followup.pending': async () => {
        throw new GatewayError({ code: 'INTERNAL', message: NETWORK_MESSAGE });
      },
    });
    expect(screen.getByText(`回访没有加载出来：${NETWORK_MESSAGE}`)).toBeTruthy();
    expect(screen.getByText('回执号 JS-1201-001')).toBeTruthy();

    act(() => triggerDidShow());
    await waitFor(() => expect(callsOf('suggestion.mine')).toHaveLength(2));
    expect(callsOf('followup.pending')).toHaveLength(2);
  });

  it('says so when there is nothing yet, and leads to 提建议', async () => {
    routeCalls({ 'followup.pending': async () => [], 'suggestion.mine': async () => [] });
    render(<MySuggestionsPage />);
    expect(await screen.findByText('还没有提过建议')).toBeTruthy();
    expect(screen.queryByText(/待回复的回访/)).toBeNull();
    fireEvent.click(screen.getByText('提建议'));
    expect(navigateTo).toHaveBeenCalledWith({
      url: '/package-suggestion/pages/submit/index?c=jinse',
    });
  });
});
