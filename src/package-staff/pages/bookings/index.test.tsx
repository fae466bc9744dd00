import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { GatewayError, NETWORK_MESSAGE } from '@/lib/gateway';
import {
  bookableServiceFixture,
  bookingListFixture,
  bookingServicesFixture,
  slotsFixture,
  staffBookingFixture,
  tonightFixture,
} from '@/test-utils/fixtures';
import { callMock, callsOf, routeCalls, type Handlers } from '@/test-utils/mock-gateway';
import {
  resetTaroDouble,
  setRouterParams,
  stopPullDownRefresh,
  triggerPullDownRefresh,
} from '../../../../tests/doubles/taro';
import BookingsPage from './index';

jest.mock('@/lib/gateway', () => ({ ...jest.requireActual('@/lib/gateway'), call: jest.fn() }));

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
  setRouterParams({ c: 'jinse' });
});

async function openDesk(handlers: Handlers = {}) {
  routeCalls({
    'booking.services': async () => bookingServicesFixture(),
    'booking.list': async ({ date }) => bookingListFixture({ date }),
    'booking.slots': async ({ date }) => slotsFixture(date),
    'community.tonight': async () => tonightFixture(),
    ...handlers,
  });
  const view = render(<BookingsPage />);
  await screen.findByText('12月2日 周三 预约名单（3 条）');
  return view;
}

const rows = (container: HTMLElement) => [
  ...container.querySelectorAll<HTMLElement>('.bdb-desk__row'),
];
const part = (container: HTMLElement, selector: string) => {
  const found = container.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`${selector} not rendered`);
  return found;
};
const bookForForm = (container: HTMLElement) => part(container, '.bdb-book-for');

describe('staff bookings page', () => {
  it('shows the evening’s figures and bookings by time, with code, who, phone and status', async () => {
    const { container } = await openDesk();

    expect(screen.getByText('金色里程 预约管理')).toBeTruthy();
    expect(callsOf('booking.services')).toEqual([{ community: 'jinse' }]);
    expect(callsOf('booking.list')).toEqual([{ community: 'jinse', date: '2026-12-02' }]);

    const figures = part(container, '.bdb-desk-figures');
    const figure = (name: string) => within(figures).getByText(name).nextSibling?.textContent;
    expect(figure('已预约')).toBe('2 位');
    expect(figure('已签到')).toBe('1 位');
    expect(figure('已完成')).toBe('0 位');
    expect(figure('未到')).toBe('0 位');
    expect(figure('已取消')).toBe('1 位');
    expect(figure('候补')).toBe('1 位');
    expect(figure('候补转正')).toBe('0 位');

    const [first, second, third] = rows(container);
    expect(rows(container).map((r) => r.querySelector('.bdb-desk__time')?.textContent)).toEqual([
      '17:30–18:00',
      '18:00–18:30',
      '18:00–18:30',
    ]);
    expect(first.querySelector('.bdb-desk__code')?.textContent).toBe('K7MP');
    expect(first.querySelector('.bdb-desk__who')?.textContent).toBe('未留称呼');
    expect(first.textContent).toContain('政务服务 · 自约 · 未留电话');
    expect(first.querySelector('.bdb-desk__status')?.textContent).toBe('已预约');
    expect(second.querySelector('.bdb-desk__code')?.textContent).toBe('W3AY');
    expect(second.querySelector('.bdb-desk__who')?.textContent).toBe('王阿姨（电话预约）');
    expect(second.textContent).toContain('政务服务 · 代客 · 138****5678');
    expect(second.querySelector('.bdb-desk__status')?.textContent).toBe('已签到');
    expect(third.querySelector('.bdb-desk__status')?.textContent).toBe('候补第 1 位');

    // Only the moves the server says succeed are offered: no 签到 on 已签到 or the waitlist.
    const offered = (r: HTMLElement) => [...r.querySelectorAll('button')].map((b) => b.textContent);
    expect([first, second, third].map(offered)).toEqual([['签到', '完成'], ['完成'], []]);
    expect(third.textContent).toContain('候补中，有空位时自动转为预约');
  });

  it.each([
    ['签到', 'booking.checkIn'],
    ['完成', 'booking.complete'],
    ['未到', 'booking.noShow'],
  ] as const)('%s calls %s for that booking and loads the list again', async (name, action) => {
    const list = bookingListFixture();
    list.bookings[1] = { ...list.bookings[1]!, moves: ['checkIn', 'complete', 'noShow'] };
    const { container } = await openDesk({
      'booking.list': async () => list,
      [action]: async () => staffBookingFixture({ status: 'checked-in' }),
    });

    fireEvent.click(screen.getByRole('button', { name: `K7MP 未留称呼 17:30–18:00 ${name}` }));

    await waitFor(() => expect(callsOf('booking.list')).toHaveLength(2));
    expect(callsOf(action)).toEqual([{ bookingId: 'b-1' }]);
    expect(rows(container)).toHaveLength(3);
  });

  it('shows a companion request with its booking: the need, and who goes or that nobody does yet', async () => {
    const list = bookingListFixture();
    // bookings[1] is K7MP at 17:30 (the first row), bookings[0] W3AY at 18:00.
    list.bookings[1] = {
      ...list.bookings[1]!,
      companion: { id: 'c-1', status: 'waiting', note: '听障，请用文字沟通', workerName: null },
    };
    list.bookings[0] = {
      ...list.bookings[0]!,
      companion: { id: 'c-2', status: 'assigned', note: '', workerName: '李社工' },
    };
    const { container } = await openDesk({ 'booking.list': async () => list });
    const [first, second, third] = rows(container);
    expect(first!.querySelector('.bdb-companion-need')?.getAttribute('aria-label')).toBe(
      'K7MP 未留称呼 需要社工陪同：听障，请用文字沟通，还没安排社工：请在“值班与调休”里指派',
    );
    expect(first!.querySelector('.bdb-companion-need--open')).toBeTruthy();
    expect(second!.querySelector('.bdb-companion-need')?.textContent).toContain('李社工陪同');
    expect(second!.querySelector('.bdb-companion-need--open')).toBeNull();
    expect(third!.querySelector('.bdb-companion-need')).toBeNull();
  });

  it('undoes a 未到 that evening from the row', async () => {
    const list = bookingListFixture();
    list.bookings[1] = { ...list.bookings[1]!, status: 'no-show', moves: ['undoNoShow'] };
    const { container } = await openDesk({
      'booking.list': async () => list,
      'booking.undoNoShow': async () => staffBookingFixture(),
    });
    const row = rows(container)[0]!;
    expect(row.querySelector('.bdb-desk__status')?.textContent).toBe('未到');
    expect([...row.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['撤销未到']);
    fireEvent.click(screen.getByRole('button', { name: 'K7MP 未留称呼 17:30–18:00 撤销未到' }));
    await waitFor(() => expect(callsOf('booking.list')).toHaveLength(2));
    expect(callsOf('booking.undoNoShow')).toEqual([{ bookingId: 'b-1' }]);
  });

  it('finds a row by code, 称呼 or the last digits of the phone', async () => {
    const { container } = await openDesk();
    const search = screen.getByLabelText('查找预约：预约码、称呼或电话后四位');
    const found = () => rows(container).map((r) => r.querySelector('.bdb-desk__code')?.textContent);
    fireEvent.change(search, { target: { value: 'w3ay' } });
    expect(found()).toEqual(['W3AY']);
    expect(screen.getByText('12月2日 周三 预约名单（找到 1 / 3 条）')).toBeTruthy();
    fireEvent.change(search, { target: { value: '王阿姨' } });
    expect(found()).toEqual(['W3AY']);
    fireEvent.change(search, { target: { value: '5678' } });
    expect(found()).toEqual(['W3AY']);
    fireEvent.change(search, { target: { value: 'ZZZZ' } });
    expect(found()).toEqual([]);
    expect(screen.getByText('没有找到“ZZZZ”')).toBeTruthy();
    fireEvent.change(search, { target: { value: '' } });
    expect(found()).toHaveLength(3);
  });

  it('shows a refused move inline and the list as it is now', async () => {
    await openDesk({
      'booking.checkIn': async () => {
        throw new GatewayError({
          code: 'CONFLICT',
          message: '这条预约刚刚被处理过了，请刷新后再试',
        });
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'K7MP 未留称呼 17:30–18:00 签到' }));
    expect(await screen.findByText('✕ 这条预约刚刚被处理过了，请刷新后再试')).toBeTruthy();
    expect(callsOf('booking.list')).toHaveLength(2);
  });

  describe('on the service-desk PC (1024 px and wider)', () => {
    const wideScreen = (matches: boolean) => {
      window.matchMedia = jest.fn((query: string) => ({
        matches,
        media: query,
        onchange: null,
        addEventListener: jest.fn(),
        removeEventListener: jest.fn(),
        addListener: jest.fn(),
        removeListener: jest.fn(),
        dispatchEvent: jest.fn(),
      })) as unknown as typeof window.matchMedia;
    };
    afterEach(() => {
      delete (window as { matchMedia?: unknown }).matchMedia;
    });

    it('lists the bookings as a table with the moves on each row', async () => {
      wideScreen(true);
      const { container } = await openDesk();
      const table = screen.getByRole('table', { name: '12月2日 周三 预约名单' });
      expect(
        within(table)
          .getAllByRole('columnheader')
          .map((h) => h.textContent),
      ).toEqual(['时间', '预约码', '称呼', '来源', '服务', '电话', '状态', '操作']);
      const lines = within(table).getAllByRole('row').slice(1);
      expect(
        lines.map((r) =>
          within(r)
            .getAllByRole('cell')
            .slice(0, 7)
            .map((c) => c.textContent),
        ),
      ).toEqual([
        ['17:30–18:00', 'K7MP', '未留称呼', '自约', '政务服务', '未留电话', '已预约'],
        ['18:00–18:30', 'W3AY', '王阿姨（电话预约）', '代客', '政务服务', '138****5678', '已签到'],
        ['18:00–18:30', 'Q9RT', '未留称呼', '自约', '政务服务', '未留电话', '候补第 1 位'],
      ]);
      expect(within(lines[0]!).getByRole('button', { name: /签到$/ })).toBeTruthy();
      expect(container.querySelector('.bdb-desk--wide')).toBeTruthy();
      // No phone cards there.
      expect(rows(container)).toHaveLength(0);
    });

    it('shows a companion request in the 称呼 cell', async () => {
      wideScreen(true);
      const list = bookingListFixture();
      list.bookings[0] = {
        ...list.bookings[0]!,
        companion: { id: 'c-2', status: 'assigned', note: '坐轮椅', workerName: '李社工' },
      };
      await openDesk({ 'booking.list': async () => list });
      const table = screen.getByRole('table', { name: '12月2日 周三 预约名单' });
      const who = within(within(table).getAllByRole('row')[2]!).getAllByRole('cell')[2]!;
      expect(who.textContent).toBe('王阿姨（电话预约）伴需要社工陪同：坐轮椅李社工陪同');
    });

    it('keeps the cards on a phone', async () => {
      wideScreen(false);
      const { container } = await openDesk();
      expect(screen.queryByRole('table')).toBeNull();
      expect(rows(container)).toHaveLength(3);
    });
  });

  it('switches the evening and filters by service', async () => {
    const { container } = await openDesk();
    fireEvent.click(screen.getByText('12月9日 周三'));
    expect(await screen.findByText('12月9日 周三 预约名单（3 条）')).toBeTruthy();

    const filter = within(part(container, '.bdb-desk__filter'));
    fireEvent.click(filter.getByText('家电维修'));
    await waitFor(() => expect(callsOf('booking.list')).toHaveLength(3));
    expect(filter.getByText('✓ 家电维修')).toBeTruthy();
    expect(callsOf('booking.list')).toEqual([
      { community: 'jinse', date: '2026-12-02' },
      { community: 'jinse', date: '2026-12-09' },
      { community: 'jinse', date: '2026-12-09', service: 'repair' },
    ]);
  });

  describe('代客预约', () => {
    const made = () =>
      staffBookingFixture({
        id: 'b-9',
        slotId: 'jinse_paperwork_20261202_1830',
        startsAt: '18:30',
        endsAt: '19:00',
        name: '李伯伯',
        byStaff: true,
      });

    it('books a slot for a resident, the phone only with consent', async () => {
      const { container } = await openDesk({ 'booking.bookFor': async () => made() });
      const form = within(bookForForm(container));

      fireEvent.click(await form.findByText('18:30–19:00 · 剩 1 位'));
      fireEvent.change(form.getByLabelText('居民称呼'), { target: { value: ' 李伯伯 ' } });
      fireEvent.change(form.getByLabelText('联系电话（选填）'), {
        target: { value: '13900001111' },
      });
      fireEvent.click(form.getByText('确认代客预约'));

      expect(
        await form.findByText('✓ 已为 李伯伯 预约 12月2日 周三 18:30–19:00 政务服务'),
      ).toBeTruthy();
      expect(callsOf('booking.bookFor')).toEqual([
        {
          slotId: 'jinse_paperwork_20261202_1830',
          name: '李伯伯',
          requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
        },
      ]);
      // The desk shows the new booking: the list is loaded again.
      expect(callsOf('booking.list')).toHaveLength(2);

      fireEvent.click(await form.findByText('18:30–19:00 · 剩 1 位'));
      fireEvent.change(form.getByLabelText('居民称呼'), { target: { value: '张阿姨' } });
      fireEvent.change(form.getByLabelText('联系电话（选填）'), {
        target: { value: '13900002222' },
      });
      fireEvent.click(form.getByRole('checkbox', { name: '居民同意社工通过此电话联系' }));
      fireEvent.click(form.getByText('确认代客预约'));
      await waitFor(() => expect(callsOf('booking.bookFor')).toHaveLength(2));
      expect(callsOf('booking.bookFor')[1]).toEqual({
        slotId: 'jinse_paperwork_20261202_1830',
        name: '张阿姨',
        requestId: expect.any(String),
        phone: '13900002222',
        consent: true,
      });
    });

    it('asks for a slot and a name first', async () => {
      const { container } = await openDesk();
      const form = within(bookForForm(container));
      await form.findByText('18:30–19:00 · 剩 1 位');
      fireEvent.click(form.getByText('确认代客预约'));
      expect(form.getByText('✕ 请先选择时段')).toBeTruthy();
      fireEvent.click(form.getByText('18:30–19:00 · 剩 1 位'));
      fireEvent.click(form.getByText('确认代客预约'));
      expect(form.getByText('✕ 请填写居民称呼，方便到场时认人')).toBeTruthy();
      expect(callsOf('booking.bookFor')).toHaveLength(0);
    });

    it('retries with the same requestId after a network failure, and says the waitlist place', async () => {
      let attempts = 0;
      const { container } = await openDesk({
        'booking.bookFor': async () => {
          attempts += 1;
          if (attempts === 1)
            throw new GatewayError({ code: 'INTERNAL', message: NETWORK_MESSAGE });
          return { ...made(), status: 'waitlisted', waitlistPosition: 2 };
        },
      });
      const form = within(bookForForm(container));
      fireEvent.click(await form.findByText('18:00–18:30 · 已满 · 可候补（前面 1 人）'));
      fireEvent.change(form.getByLabelText('居民称呼'), { target: { value: '李伯伯' } });
      fireEvent.click(form.getByText('确认代客预约'));
      expect(await form.findByText(`✕ ${NETWORK_MESSAGE}`)).toBeTruthy();
      fireEvent.click(form.getByText('确认代客预约'));

      expect(
        await form.findByText('✓ 已为 李伯伯 加入候补第 2 位：12月2日 周三 18:30–19:00 政务服务'),
      ).toBeTruthy();
      const [first, second] = callsOf('booking.bookFor').map((i) => i.requestId);
      expect(second).toBe(first);
    });

    it('books the service the form is switched to', async () => {
      const { container } = await openDesk({ 'booking.bookFor': async () => made() });
      const form = within(bookForForm(container));
      await form.findByText('18:30–19:00 · 剩 1 位');
      fireEvent.click(form.getByText('家电维修'));
      await waitFor(() =>
        expect(callsOf('booking.slots').map((i) => i.service)).toEqual(['paperwork', 'repair']),
      );
      expect(form.getByText('✓ 家电维修')).toBeTruthy();
    });
  });

  describe('settings', () => {
    const open = (title: string) => {
      const toggle = screen.getByRole('button', { name: new RegExp(`^${title}`) });
      fireEvent.click(toggle);
      return toggle;
    };

    it('are folded away until opened, with what they hold said while folded', async () => {
      await openDesk();
      const toggle = screen.getByRole('button', { name: /^政务服务 预约设置/ });
      expect(toggle.tagName).toBe('BUTTON');
      expect(toggle.getAttribute('aria-expanded')).toBe('false');
      expect(toggle.textContent).toContain(
        '每段 30 分钟 · 每段 2 位 · 可在开始 2 小时前取消或改约',
      );
      const panel = document.getElementById(toggle.getAttribute('aria-controls')!)!;
      expect(panel.hidden).toBe(true);
      expect(screen.queryByRole('button', { name: '保存政务服务预约设置' })).toBeNull();
      fireEvent.click(toggle);
      expect(toggle.getAttribute('aria-expanded')).toBe('true');
      expect(panel.hidden).toBe(false);
      expect(within(panel).getByRole('button', { name: '保存政务服务预约设置' })).toBeTruthy();
      // The other forms stay folded.
      expect(
        screen.getByRole('button', { name: /家电维修 预约设置/ }).getAttribute('aria-expanded'),
      ).toBe('false');
    });

    it('sets the contact phone residents are told to call, and clears it', async () => {
      await openDesk({
        'community.setContactPhone': async ({ community, phone }) => ({
          community,
          contactPhone: phone || null,
        }),
      });
      const toggle = screen.getByRole('button', { name: /社工联系电话/ });
      expect(toggle.textContent).toContain('0512-6888 1234');
      fireEvent.click(toggle);
      const field = screen.getByLabelText('社工联系电话') as HTMLInputElement;
      expect(field.value).toBe('0512-6888 1234');
      fireEvent.change(field, { target: { value: '0512-68' } });
      fireEvent.click(screen.getByRole('button', { name: '保存社工联系电话' }));
      expect(
        screen.getByText('✕ 请填写能拨通的号码：至少 7 位数字，可用短横线或空格分隔'),
      ).toBeTruthy();
      expect(callsOf('community.setContactPhone')).toHaveLength(0);

      fireEvent.change(field, { target: { value: ' 0512-6888 9999 ' } });
      fireEvent.click(screen.getByRole('button', { name: '保存社工联系电话' }));
      expect(await screen.findByText('✓ 联系电话已保存')).toBeTruthy();
      fireEvent.change(field, { target: { value: '' } });
      fireEvent.click(screen.getByRole('button', { name: '保存社工联系电话' }));
      expect(await screen.findByText('✓ 已清除联系电话，居民会被请到服务台')).toBeTruthy();
      expect(callsOf('community.setContactPhone')).toEqual([
        { community: 'jinse', phone: '0512-6888 9999' },
        { community: 'jinse', phone: '' },
      ]);
      await waitFor(() => expect(callsOf('booking.services')).toHaveLength(3));
    });

    it('shows and sets the limits per resident, explaining a wrong value before sending', async () => {
      await openDesk({
        'community.setLimits': async ({ community, ...limits }) => ({
          community,
          limits: { openSignUps: 3, ...limits },
        }),
      });
      const toggle = screen.getByRole('button', { name: /^每人限额/ });
      expect(toggle.textContent).toContain(
        '每晚预约 2 个 · 同时 4 个 · 每晚取号 3 个 · 同时报名活动 3 个',
      );
      fireEvent.click(toggle);
      const perEvening = screen.getByLabelText('每人每晚预约数') as HTMLInputElement;
      const numbers = screen.getByLabelText('每人每晚取号数') as HTMLInputElement;
      const signUps = screen.getByLabelText('每人同时报名的活动数') as HTMLInputElement;
      expect([perEvening.value, numbers.value, signUps.value]).toEqual(['2', '3', '3']);
      fireEvent.change(signUps, { target: { value: '21' } });
      fireEvent.click(screen.getByRole('button', { name: '保存每人限额' }));
      expect(screen.getByText('✕ 每人同时报名的活动数请填 1 到 20 之间的整数')).toBeTruthy();
      fireEvent.change(signUps, { target: { value: '6' } });
      fireEvent.change(perEvening, { target: { value: '0' } });
      fireEvent.click(screen.getByRole('button', { name: '保存每人限额' }));
      expect(screen.getByText('✕ 每人每晚预约数请填 1 到 20 之间的整数')).toBeTruthy();
      expect(callsOf('community.setLimits')).toHaveLength(0);

      fireEvent.change(perEvening, { target: { value: '3' } });
      fireEvent.change(numbers, { target: { value: '5' } });
      fireEvent.click(screen.getByRole('button', { name: '保存每人限额' }));
      expect(await screen.findByText(/✓ 每人限额已保存/)).toBeTruthy();
      expect(callsOf('community.setLimits')).toEqual([
        {
          community: 'jinse',
          bookingsPerEvening: 3,
          openBookings: 4,
          numbersPerEvening: 5,
          openSignUps: 6,
        },
      ]);
      await waitFor(() => expect(callsOf('booking.services')).toHaveLength(2));
    });

    it('saves only what changed, with the materials split on 顿号 and commas', async () => {
      await openDesk({
        'booking.configure': async (input) =>
          bookableServiceFixture({ seatsPerSlot: 3, bring: input.bring ?? [] }),
      });
      open('政务服务 预约设置');

      fireEvent.change(screen.getByLabelText('政务服务 每段名额'), { target: { value: '3' } });
      fireEvent.change(screen.getByLabelText('政务服务 需携带材料'), {
        target: { value: '身份证、户口本，老年卡' },
      });
      fireEvent.click(screen.getByRole('button', { name: '保存政务服务预约设置' }));

      expect(await screen.findByText('✓ 设置已保存')).toBeTruthy();
      expect(callsOf('booking.configure')).toEqual([
        {
          community: 'jinse',
          service: 'paperwork',
          seatsPerSlot: 3,
          bring: ['身份证', '户口本', '老年卡'],
        },
      ]);
      // The services (and so the residents' pages) are loaded again with the new settings.
      await waitFor(() => expect(callsOf('booking.services')).toHaveLength(2));
    });

    it('picks the service evenings as ticked toggles and sends weekdays only when changed', async () => {
      await openDesk({
        'community.tonight': async () =>
          tonightFixture({
            evenings: [
              { weekday: 3, opensAt: '17:00', closesAt: '20:00' },
              { weekday: 5, opensAt: '17:00', closesAt: '20:00' },
            ],
          }),
        'booking.configure': async (input) =>
          bookableServiceFixture({ id: 'repair', name: '家电维修', weekdays: input.weekdays }),
      });
      open('家电维修 预约设置');
      open('政务服务 预约设置');

      const group = within(await screen.findByRole('group', { name: '家电维修 服务的晚上' }));
      const friday = group.getByRole('checkbox', { name: '家电维修 服务的晚上 周五' });
      const wednesday = group.getByRole('checkbox', { name: '家电维修 服务的晚上 周三' });
      expect(group.getAllByRole('checkbox').map((c) => c.textContent)).toEqual(['周三', '周五']);
      expect(friday.getAttribute('aria-checked')).toBe('false');
      expect(screen.getAllByText('现在：每个服务夜都开放')).toHaveLength(2);

      fireEvent.click(friday);
      expect(friday.getAttribute('aria-checked')).toBe('true');
      expect(friday.textContent).toBe('✓ 周五');
      expect(wednesday.textContent).toBe('周三');

      fireEvent.click(screen.getByRole('button', { name: '保存家电维修预约设置' }));
      expect(await screen.findByText('✓ 设置已保存')).toBeTruthy();
      expect(callsOf('community.tonight')).toEqual([{ community: 'jinse' }]);
      expect(callsOf('booking.configure')).toEqual([
        { community: 'jinse', service: 'repair', weekdays: [5] },
      ]);

      // Unchanged evenings are not sent.
      fireEvent.change(screen.getByLabelText('政务服务 每段名额'), { target: { value: '3' } });
      fireEvent.click(screen.getByRole('button', { name: '保存政务服务预约设置' }));
      await waitFor(() => expect(callsOf('booking.configure')).toHaveLength(2));
      expect(callsOf('booking.configure')[1]).toEqual({
        community: 'jinse',
        service: 'paperwork',
        seatsPerSlot: 3,
      });
    });

    it('explains wrong values next to their field without sending', async () => {
      await openDesk();
      open('家电维修 预约设置');
      fireEvent.change(screen.getByLabelText('家电维修 每段分钟'), { target: { value: '25' } });
      fireEvent.change(screen.getByLabelText('家电维修 提前取消小时'), {
        target: { value: '100' },
      });
      fireEvent.click(screen.getByRole('button', { name: '保存家电维修预约设置' }));
      expect(screen.getByText('✕ 每段分钟请填 10、15、20、30、45、60 中的一个')).toBeTruthy();
      expect(screen.getByText('✕ 提前取消小时请填 0 到 72 之间的整数')).toBeTruthy();
      expect(callsOf('booking.configure')).toHaveLength(0);
    });
  });

  it('shows who may not see the list, and reloads on pull-down', async () => {
    routeCalls({
      'booking.services': async () => bookingServicesFixture(),
      'booking.list': async () => {
        throw new GatewayError({ code: 'FORBIDDEN', message: '只有本社区的社工可以查看' });
      },
      'booking.slots': async ({ date }) => slotsFixture(date),
      'community.tonight': async () => tonightFixture(),
    });
    render(<BookingsPage />);
    expect(await screen.findByText('只有本社区的社工可以查看')).toBeTruthy();
    act(() => triggerPullDownRefresh());
    await waitFor(() => expect(stopPullDownRefresh).toHaveBeenCalledTimes(1));
    expect(callsOf('booking.list')).toHaveLength(2);
    expect(callsOf('booking.services')).toHaveLength(2);
  });

  it('asks to come in through the staff entry without a community', async () => {
    setRouterParams({});
    render(<BookingsPage />);
    expect(screen.getByText('请从“工作人员入口”进入预约管理')).toBeTruthy();
    expect(callMock).not.toHaveBeenCalled();
  });
});
