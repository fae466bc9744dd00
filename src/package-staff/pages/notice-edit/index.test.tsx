import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { GatewayError } from '@/lib/gateway';
import type { Notice, SaveNoticeInput } from '@/types/contract';
import { staffActivityFixture, staffNoticeFixture, tonightFixture } from '@/test-utils/fixtures';
import { callMock, callsOf, routeCalls, type Handlers } from '@/test-utils/mock-gateway';
import { resetTaroDouble, setRouterParams } from '../../../../tests/doubles/taro';
import NoticeEditPage from './index';

jest.mock('@/lib/gateway', () => ({ ...jest.requireActual('@/lib/gateway'), call: jest.fn() }));

type MockNode = ReactNode;
type MockChange = (e: { detail: { value: string } }) => void;

// The shared component doubles have no Textarea and only the selector Picker: the editor's body
// and its date picker as plain DOM fields, the rest as the shared doubles.
jest.mock('@tarojs/components', () => {
  const base = jest.requireActual('@tarojs/components');
  return {
    ...base,
    Textarea: ({
      value,
      maxlength,
      onInput,
      className,
      ...rest
    }: {
      value: string;
      maxlength: number;
      onInput: MockChange;
      className?: string;
      autoHeight?: boolean;
      placeholder?: string;
    }) => {
      const { autoHeight: _a, placeholder, ...aria } = rest;
      return (
        <textarea
          className={className}
          value={value}
          maxLength={maxlength}
          placeholder={placeholder}
          onChange={(e) => onInput({ detail: { value: e.target.value } })}
          {...aria}
        />
      );
    },
    Picker: (props: { mode: string; value: string; onChange: MockChange; children: MockNode }) => (
      <label>
        {props.children}
        <input
          type="date"
          aria-label="日期选择器"
          value={props.value}
          onChange={(e) => props.onChange({ detail: { value: e.target.value } })}
        />
      </label>
    ),
  };
});

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
});

/** What the server answers to a save: the notice with ids for new activities. */
function savedNotice(input: SaveNoticeInput, overrides: Partial<Notice> = {}): Notice {
  return staffNoticeFixture({
    id: input.id ?? 'n-new',
    week: input.week,
    title: input.title,
    body: input.body,
    status: 'draft',
    publishedAt: null,
    activities: input.activities.map((a, i) =>
      staffActivityFixture({ ...a, id: a.id ?? `act-new-${i + 1}`, noticeId: 'n-new' }),
    ),
    ...overrides,
  });
}

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));

/** Opens the editor and lets its read of the community's evenings settle. */
async function openNew(handlers: Handlers = {}) {
  setRouterParams({ c: 'jinse' });
  routeCalls({
    'community.tonight': async () => tonightFixture(),
    'notice.save': async (input) => savedNotice(input),
    'notice.publish': async ({ id }) => staffNoticeFixture({ id, status: 'published' }),
    ...handlers,
  });
  render(<NoticeEditPage />);
  await act(async () => undefined);
}

/** A new notice for the week of 30 November with one limited activity on Wednesday. */
function fillNew() {
  fireEvent.change(screen.getByLabelText('日期选择器'), { target: { value: '2026-12-03' } });
  type('通知标题', ' 十二月第一周活动 ');
  type('通知正文', '象棋角照常开放。\n欢迎参加。');
  click('添加活动');
  type('第 1 个活动 名称', '书法体验课');
  fireEvent.click(screen.getByRole('radio', { name: '第 1 个活动 周三 12月2日' }));
  type('第 1 个活动 开始时间', '18:30');
  type('第 1 个活动 结束时间', '1930');
  type('第 1 个活动 地点', '二楼活动室');
  fireEvent.click(screen.getByRole('switch', { name: '第 1 个活动 需要报名' }));
  fireEvent.click(screen.getByRole('switch', { name: '第 1 个活动 名额不限' }));
  type('第 1 个活动 名额', '12');
}

const newInput: SaveNoticeInput = {
  community: 'jinse',
  week: '2026-11-30',
  title: '十二月第一周活动',
  body: '象棋角照常开放。\n欢迎参加。',
  activities: [
    {
      name: '书法体验课',
      date: '2026-12-02',
      startsAt: '18:30',
      endsAt: '19:30',
      place: '二楼活动室',
      capacity: 12,
      signUp: true,
    },
  ],
};

describe('notice editor page', () => {
  it('shows the chosen week as a date range and counts the body', async () => {
    await openNew();
    fireEvent.change(screen.getByLabelText('日期选择器'), { target: { value: '2026-12-03' } });
    expect(screen.getByText('11月30日–12月6日')).toBeTruthy();
    click('下一周');
    expect(screen.getByText('12月7日–12月13日')).toBeTruthy();
    type('通知正文', '你好');
    expect(screen.getByText('2/2000')).toBeTruthy();
  });

  it("starts a new notice in the server's week when the desk passes it", async () => {
    setRouterParams({ c: 'jinse', w: '2026-12-07' });
    routeCalls({ 'community.tonight': async () => tonightFixture() });
    render(<NoticeEditPage />);
    await act(async () => undefined);
    expect(screen.getByText('12月7日–12月13日')).toBeTruthy();
  });

  it('explains what is missing in Chinese without calling the server', async () => {
    await openNew();
    click('添加活动');
    click('保存草稿');
    expect(screen.getByText('✕ 请填写通知标题')).toBeTruthy();
    expect(screen.getByText('✕ 请填写第 1 个活动的名称')).toBeTruthy();
    expect(screen.getByText('✕ 请填写第 1 个活动的地点')).toBeTruthy();
    expect(screen.getByText('✕ 还有 3 处要改，见上面标出的说明').getAttribute('role')).toBe(
      'alert',
    );
    type('第 1 个活动 结束时间', '18:00');
    click('保存并发布');
    expect(screen.getByText('✕ 第 1 个活动的结束时间要晚于开始时间')).toBeTruthy();
    // Only the community's evenings were read; nothing was sent.
    expect(callMock.mock.calls.map(([action]) => action)).toEqual(['community.tonight']);
  });

  it("starts a new activity on the community's next service evening of the notice's week", async () => {
    await openNew({
      'community.tonight': async () =>
        tonightFixture({
          date: '2026-12-01',
          evenings: [
            { weekday: 3, opensAt: '17:00', closesAt: '20:00' },
            { weekday: 6, opensAt: '17:00', closesAt: '20:00' },
          ],
        }),
    });
    await waitFor(() => expect(callsOf('community.tonight')).toEqual([{ community: 'jinse' }]));
    fireEvent.change(screen.getByLabelText('日期选择器'), { target: { value: '2026-12-01' } });
    click('添加活动');
    const day = (text: string) =>
      screen.getByRole('radio', { name: `第 1 个活动 ${text}` }).getAttribute('aria-checked');
    expect(day('周三 12月2日')).toBe('true');
    expect(day('周一 11月30日')).toBe('false');
    // The week after: its first evening.
    click('下一周');
    click('删除第 1 个活动');
    click('添加活动');
    expect(day('周三 12月9日')).toBe('true');
  });

  it('keeps each switch’s words fixed and shows its state with a tick, by mouse or keyboard', async () => {
    await openNew();
    click('添加活动');
    const signUp = screen.getByRole('switch', { name: '第 1 个活动 需要报名' });
    expect([signUp.textContent, signUp.getAttribute('aria-checked')]).toEqual([
      '□ 需要报名',
      'false',
    ]);
    expect(screen.getByText('不勾选：居民不用报名，直接来')).toBeTruthy();
    expect(signUp.getAttribute('tabindex')).toBe('0');
    fireEvent.keyDown(signUp, { key: ' ' });
    expect([signUp.textContent, signUp.getAttribute('aria-checked')]).toEqual([
      '✓ 需要报名',
      'true',
    ]);
    const unlimited = screen.getByRole('switch', { name: '第 1 个活动 名额不限' });
    expect(unlimited.textContent).toBe('✓ 名额不限');
    fireEvent.keyDown(unlimited, { key: 'Enter' });
    expect(unlimited.textContent).toBe('□ 名额不限');
    expect(screen.getByLabelText('第 1 个活动 名额')).toBeTruthy();
    fireEvent.click(signUp);
    expect(signUp.textContent).toBe('□ 需要报名');
  });

  it('saves a new notice as a draft, then again with the ids the server gave', async () => {
    await openNew();
    fillNew();
    click('保存草稿');
    expect(await screen.findByText('✓ 草稿已保存')).toBeTruthy();
    expect(callsOf('notice.save')).toEqual([newInput]);

    type('通知标题', '十二月第一周活动（更新）');
    click('保存草稿');
    await waitFor(() => expect(callsOf('notice.save')).toHaveLength(2));
    expect(callsOf('notice.save')[1]).toEqual({
      ...newInput,
      id: 'n-new',
      title: '十二月第一周活动（更新）',
      activities: [{ ...newInput.activities[0], id: 'act-new-1' }],
    });
    expect(callsOf('notice.publish')).toHaveLength(0);
  });

  it('saves and publishes a new notice', async () => {
    await openNew();
    fillNew();
    click('保存并发布');
    expect(await screen.findByText('✓ 已保存并发布，居民现在能看到这条通知')).toBeTruthy();
    expect(callsOf('notice.save')).toEqual([newInput]);
    expect(callsOf('notice.publish')).toEqual([{ id: 'n-new' }]);
    // Now published: further changes are saved as edits.
    expect(screen.getByRole('button', { name: '保存修改' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '保存草稿' })).toBeNull();
  });

  it('says the draft was kept when publishing fails', async () => {
    await openNew({
      'notice.publish': async () => {
        throw new GatewayError({ code: 'CONFLICT', message: '已归档的通知不能再发布' });
      },
    });
    fillNew();
    click('保存并发布');
    expect(
      await screen.findByText('✕ 草稿已保存，但没有发布成功：已归档的通知不能再发布'),
    ).toBeTruthy();
  });

  it('places a server refusal next to its activity', async () => {
    await openNew({
      'notice.save': async () => {
        throw new GatewayError({
          code: 'BAD_INPUT',
          message: '活动“书法体验课”的日期不在这一周（2026-11-30 起）',
          field: 'activities.0.date',
        });
      },
    });
    fillNew();
    click('保存草稿');
    const activity = screen.getByText('活动 1').closest<HTMLElement>('.bdb-activity-editor')!;
    expect(
      await within(activity).findByText('✕ 活动“书法体验课”的日期不在这一周（2026-11-30 起）'),
    ).toBeTruthy();
  });

  describe('editing', () => {
    function openExisting(notice: Notice, handlers: Handlers = {}) {
      setRouterParams({ c: 'jinse', id: notice.id });
      routeCalls({
        'notice.get': async () => notice,
        'notice.save': async (input) => savedNotice(input, { status: notice.status }),
        ...handlers,
      });
      render(<NoticeEditPage />);
    }

    it('keeps the activity ids (in the new order) and leaves an unchanged cover alone', async () => {
      openExisting(staffNoticeFixture({ cover: 'https://example.org/cover.jpg' }));
      expect(await screen.findByDisplayValue('十二月第一周活动')).toBeTruthy();
      expect(callsOf('notice.get')).toEqual([{ id: 'n-9' }]);
      expect(screen.getByText('这条通知已发布：保存修改后，居民会看到“已更新”')).toBeTruthy();
      expect(
        screen.getByRole('switch', { name: '第 1 个活动 需要报名' }).getAttribute('aria-checked'),
      ).toBe('true');
      expect((screen.getByLabelText('第 1 个活动 名额') as HTMLInputElement).value).toBe('12');

      type('通知标题', '十二月第一周活动（时间调整）');
      click('第 2 个活动 上移');
      type('第 1 个活动 开始时间', '18:00');
      click('保存修改');

      expect(await screen.findByText('✓ 已保存修改，居民会看到“已更新”')).toBeTruthy();
      const [input] = callsOf('notice.save');
      expect(input.id).toBe('n-9');
      expect('cover' in input).toBe(false);
      expect(input.activities.map((a) => [a.id, a.name, a.startsAt, a.capacity])).toEqual([
        ['act-2', '象棋角', '18:00', null],
        ['act-1', '书法体验课', '18:30', 12],
      ]);
    });

    it('removes the cover', async () => {
      openExisting(staffNoticeFixture({ cover: 'https://example.org/cover.jpg' }));
      await screen.findByDisplayValue('十二月第一周活动');
      expect(screen.getByLabelText('封面预览').getAttribute('src')).toBe(
        'https://example.org/cover.jpg',
      );
      click('移除封面');
      expect(screen.queryByLabelText('封面预览')).toBeNull();
      click('保存修改');
      await waitFor(() => expect(callsOf('notice.save')).toHaveLength(1));
      expect(callsOf('notice.save')[0].cover).toBeNull();
    });

    it('does not offer to edit an archived notice', async () => {
      openExisting(staffNoticeFixture({ status: 'archived' }));
      expect(await screen.findByText('已归档的通知不能再修改，请新建一条')).toBeTruthy();
    });
  });

  describe('cover', () => {
    const pick = (file: File) =>
      fireEvent.change(screen.getByLabelText('选择封面图片'), { target: { files: [file] } });
    const png = () =>
      new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'cover.png', {
        type: 'image/png',
      });

    it('refuses a picture over 1 MB before uploading', async () => {
      await openNew();
      pick(new File([new Uint8Array(1024 * 1024 + 1)], 'big.jpg', { type: 'image/jpeg' }));
      return screen.findByText('✕ 封面图片不能超过 1MB，请换一张小一点的图片').then((alert) => {
        expect(alert.getAttribute('role')).toBe('alert');
        expect(callsOf('notice.uploadCover')).toHaveLength(0);
      });
    });

    it('shows the server’s refusal of an upload', async () => {
      await openNew({
        'notice.uploadCover': async () => {
          throw new GatewayError({
            code: 'BAD_INPUT',
            message: '封面只能是 JPG、PNG 或 WebP 图片',
            field: 'data',
          });
        },
      });
      pick(png());
      expect(await screen.findByText('✕ 封面只能是 JPG、PNG 或 WebP 图片')).toBeTruthy();
      expect(callsOf('notice.uploadCover')).toEqual([{ community: 'jinse', data: 'iVBORw==' }]);
      expect(screen.queryByLabelText('封面预览')).toBeNull();
    });

    it('uploads the picture, previews it and saves its reference', async () => {
      await openNew({ 'notice.uploadCover': async () => ({ cover: '/media/abc123.png' }) });
      pick(png());
      const preview = await screen.findByLabelText('封面预览');
      expect(preview.getAttribute('src')).toBe('data:image/png;base64,iVBORw==');
      fillNew();
      click('保存草稿');
      await waitFor(() => expect(callsOf('notice.save')).toHaveLength(1));
      expect(callsOf('notice.save')[0]).toEqual({ ...newInput, cover: '/media/abc123.png' });
    });
  });
});
