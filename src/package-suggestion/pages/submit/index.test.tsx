import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { GatewayError, NETWORK_MESSAGE } from '@/lib/gateway';
import {
  echoWallFixture,
  residentFollowUpFixture,
  mySuggestionFixture,
} from '@/test-utils/fixtures';
import { callMock, callsOf, routeCalls, type Handlers } from '@/test-utils/mock-gateway';
import type { SubmitSuggestionInput } from '@/types/contract';
import {
  navigateTo,
  resetTaroDouble,
  setRouterParams,
  setStorageSync,
} from '../../../../tests/doubles/taro';
import SubmitSuggestionPage from './index';

jest.mock('@/lib/gateway', () => ({ ...jest.requireActual('@/lib/gateway'), call: jest.fn() }));

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
  setRouterParams({ c: 'jinse' });
});

const filed = (input: SubmitSuggestionInput) =>
  mySuggestionFixture({ category: input.category, text: input.text });

async function openForm(handlers: Handlers = {}) {
  routeCalls({
    'suggestion.echoWall': async () => echoWallFixture(),
    'suggestion.submit': async (input) => filed(input),
    ...handlers,
  });
  render(<SubmitSuggestionPage />);
  await screen.findByText('写给 金色里程');
}

const textField = () => screen.getByLabelText('您的建议');
const type = (value: string) => fireEvent.change(textField(), { target: { value } });
const chooseCategory = (name: string) => fireEvent.click(screen.getByRole('radio', { name }));
const submit = () => fireEvent.click(screen.getByText('提交建议'));

describe('提建议 page', () => {
  it('offers the echo wall’s categories as chips and counts the characters', async () => {
    await openForm();
    const group = screen.getByRole('radiogroup', { name: '建议是关于哪一类的' });
    expect(
      within(group)
        .getAllByRole('radio')
        .map((r) => r.textContent),
    ).toEqual(['血压测量', '政务服务', '开放时间', '环境设施', '其他']);
    expect(screen.getByText('0/500')).toBeTruthy();
    type('周五也开吧');
    expect(screen.getByText('5/500')).toBeTruthy();
    expect(textField().getAttribute('maxlength')).toBe('500');
    expect(callsOf('suggestion.echoWall')).toEqual([{ community: 'jinse' }]);
  });

  it('asks for a category and the text before sending anything', async () => {
    await openForm();
    submit();
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts).toEqual(['✕ 请选择建议是关于哪一类的', '✕ 请写下您的建议']);

    type('   ');
    chooseCategory('开放时间');
    submit();
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual(['✕ 请写下您的建议']);
    // Corrected: the field's message goes as the resident types, before any tap.
    type('晚上多开一个窗口');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(callsOf('suggestion.submit')).toHaveLength(0);
  });

  it('files the suggestion and shows the receipt number big, with the way to 我的建议', async () => {
    await openForm();
    chooseCategory('开放时间');
    // The choice is marked in words for screen readers and with a tick on screen.
    const chosen = screen.getByRole('radio', { name: '开放时间' });
    expect(chosen.getAttribute('aria-checked')).toBe('true');
    expect(chosen.textContent).toBe('✓ 开放时间');
    type('  希望周五晚上也能开放\n谢谢  ');
    submit();

    expect(await screen.findByText('回执号 JS-1202-003')).toBeTruthy();
    expect(screen.getByText('建议已提交')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('回执号 JS-1202-003');
    expect(callsOf('suggestion.submit')).toEqual([
      {
        community: 'jinse',
        category: 'hours',
        text: '希望周五晚上也能开放\n谢谢',
        requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
      },
    ]);

    fireEvent.click(screen.getByText('查看我的建议'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/package-suggestion/pages/mine/index' });

    // Another one starts from an empty form.
    fireEvent.click(screen.getByText('再提一条'));
    expect((textField() as HTMLTextAreaElement).value).toBe('');
  });

  it('shows the daily limit and the content check in the server’s words', async () => {
    let attempts = 0;
    await openForm({
      'suggestion.submit': async () => {
        attempts += 1;
        if (attempts === 1) {
          throw new GatewayError({
            code: 'BAD_INPUT',
            message: '内容未通过安全检查，请修改后再提交',
            field: 'text',
          });
        }
        throw new GatewayError({
          code: 'RATE_LIMITED',
          message: '每人每天最多提 5 条建议，明天再来吧',
        });
      },
    });
    chooseCategory('其他');
    type('一些话');
    submit();
    expect((await screen.findByRole('alert')).textContent).toBe(
      '✕ 内容未通过安全检查，请修改后再提交',
    );

    // The refusal was about the words as they were: editing them takes it away.
    type('另一些话');
    expect(screen.queryByRole('alert')).toBeNull();
    submit();
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('✕ 每人每天最多提 5 条建议，明天再来吧'),
    );
    // What was typed is kept, to send tomorrow or copy.
    expect((textField() as HTMLTextAreaElement).value).toBe('另一些话');
    expect(screen.queryByText('建议已提交')).toBeNull();
  });

  it('retries a lost submit with the same requestId, and an edited draft gets a new one', async () => {
    let attempts = 0;
    await openForm({
      'suggestion.submit': async (input) => {
        attempts += 1;
        if (attempts === 1) throw new GatewayError({ code: 'INTERNAL', message: NETWORK_MESSAGE });
        return filed(input);
      },
    });
    chooseCategory('环境设施');
    type('活动室的灯太暗了');
    submit();
    expect((await screen.findByRole('alert')).textContent).toBe(`✕ ${NETWORK_MESSAGE}`);

    submit();
    expect(await screen.findByText('回执号 JS-1202-003')).toBeTruthy();

    fireEvent.click(screen.getByText('再提一条'));
    chooseCategory('环境设施');
    type('活动室的灯太暗了');
    submit();
    await waitFor(() => expect(callsOf('suggestion.submit')).toHaveLength(3));

    const ids = callsOf('suggestion.submit').map((i) => i.requestId);
    expect(ids[1]).toBe(ids[0]);
    // Filed once: the next suggestion, even with the same words, is a new request.
    expect(ids[2]).not.toBe(ids[1]);
  });

  it('says which evening it is about when opened from a follow-up invitation', async () => {
    setRouterParams({ c: 'jinse', f: 'f-1' });
    await openForm({
      'followup.pending': async () => [residentFollowUpFixture({ kind: 'invite' })],
    });
    expect(await screen.findByText('关于 12月2日 的服务')).toBeTruthy();
    expect(screen.getByText('您用过：政务服务 19:00、书法体验课')).toBeTruthy();

    chooseCategory('政务服务');
    type('窗口能不能多开一个');
    submit();
    await screen.findByText('回执号 JS-1202-003');
    expect(callsOf('suggestion.submit')[0]).toMatchObject({
      followupId: 'f-1',
      category: 'paperwork',
    });
  });

  it('uploads a picked photo and sends its reference', async () => {
    await openForm({
      'suggestion.uploadPhoto': async () => ({ photo: '/media/abc123.jpg' }),
    });
    const file = new File([new Uint8Array([1, 2, 3])], 'lamp.png', { type: 'image/png' });
    fireEvent.change(screen.getByLabelText('添加照片'), { target: { files: [file] } });
    expect(await screen.findByLabelText('已选的照片')).toBeTruthy();
    expect(callsOf('suggestion.uploadPhoto')).toEqual([
      { community: 'jinse', data: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/) },
    ]);

    chooseCategory('环境设施');
    type('灯坏了，见照片');
    submit();
    await screen.findByText('回执号 JS-1202-003');
    expect(callsOf('suggestion.submit')[0].photo).toBe('/media/abc123.jpg');
  });

  it('uses the remembered community, and shows a load failure with retry', async () => {
    setRouterParams({});
    setStorageSync('bdb.community', 'huchi');
    let loads = 0;
    routeCalls({
      'suggestion.echoWall': async () => {
        loads += 1;
        if (loads === 1) throw new GatewayError({ code: 'INTERNAL', message: NETWORK_MESSAGE });
        return echoWallFixture({ community: { id: 'huchi', name: '虎池苑' } });
      },
    });
    render(<SubmitSuggestionPage />);
    expect(await screen.findByText(NETWORK_MESSAGE)).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('写给 虎池苑')).toBeTruthy();
    expect(callsOf('suggestion.echoWall')).toEqual([
      { community: 'huchi' },
      { community: 'huchi' },
    ]);
  });
});
