import { TextDecoder } from 'node:util';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { GatewayError, NETWORK_MESSAGE } from '@/lib/gateway';
import { staffAttendeeFixture, staffAttendeesFixture } from '@/test-utils/fixtures';
import { callMock, callsOf, routeCalls, type Handlers } from '@/test-utils/mock-gateway';
import { resetTaroDouble, setRouterParams } from '../../../../tests/doubles/taro';
import AttendeesPage from './index';

jest.mock('@/lib/gateway', () => ({ ...jest.requireActual('@/lib/gateway'), call: jest.fn() }));

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
  setRouterParams({ a: 'act-1' });
});

async function openPage(handlers: Handlers = {}) {
  routeCalls({ 'notice.attendees': async () => staffAttendeesFixture(), ...handlers });
  const view = render(<AttendeesPage />);
  await screen.findByText('书法体验课');
  return view;
}

const row = (name: string) => {
  const found = screen.getByText(name).closest<HTMLElement>('.bdb-attendees__row');
  if (!found) throw new Error(`no row for ${name}`);
  return found;
};

function readBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

describe('staff attendees page', () => {
  it('shows the activity, its figures, the check-in code with its QR image, and the list', async () => {
    const { container } = await openPage();

    expect(callsOf('notice.attendees')).toEqual([{ activityId: 'act-1' }]);
    expect(screen.getByText('十二月第一周活动')).toBeTruthy();
    expect(screen.getByText('周三 12月2日 18:30–19:30 · 二楼活动室')).toBeTruthy();
    expect(screen.getByText('需要报名 · 名额 12')).toBeTruthy();
    const figures = container.querySelector<HTMLElement>('.bdb-desk-figures')!;
    const figure = (name: string) => within(figures).getByText(name).nextSibling?.textContent;
    expect([figure('已报名'), figure('候补'), figure('已到场')]).toEqual(['2 人', '1 人', '1 人']);

    expect(screen.getByText('K7P2Q9').className).toContain('bdb-attendees__code');
    const qr = screen.getByAltText('签到二维码，签到码 K7P2Q9');
    expect(qr.getAttribute('src')).toBe('/qr/check-in.png?a=act-1&k=K7P2Q9');

    expect(within(row('王阿姨')).getByText('已到场 18:25 · 扫码')).toBeTruthy();
    expect(within(row('3栋 李伯伯')).getByText('未到场')).toBeTruthy();
    expect(within(row('居民（尾号 3f9a）')).getByText('候补第 1 位')).toBeTruthy();
    expect(within(row('赵大爷')).getByText('已取消')).toBeTruthy();
    // A cancelled sign-up cannot be marked; the others can.
    expect(within(row('赵大爷')).queryByRole('switch')).toBeNull();
    expect(screen.getByRole('switch', { name: '王阿姨 已到场' }).getAttribute('aria-checked')).toBe(
      'true',
    );
    expect(
      screen.getByRole('switch', { name: '3栋 李伯伯 已到场' }).getAttribute('aria-checked'),
    ).toBe('false');
  });

  it('marks and unmarks attendance, then loads the list again', async () => {
    await openPage({
      'notice.markAttendance': async ({ signUpId, attended }) =>
        staffAttendeeFixture({
          id: signUpId,
          attendedAt: attended ? '2026-12-02T18:40:00+08:00' : null,
          checkIn: attended ? 'staff' : null,
        }),
    });
    fireEvent.click(screen.getByRole('switch', { name: '3栋 李伯伯 已到场' }));
    await waitFor(() => expect(callsOf('notice.attendees')).toHaveLength(2));
    fireEvent.click(screen.getByRole('switch', { name: '王阿姨 已到场' }));
    await waitFor(() => expect(callsOf('notice.attendees')).toHaveLength(3));
    expect(callsOf('notice.markAttendance')).toEqual([
      { signUpId: 's-2', attended: true },
      { signUpId: 's-1', attended: false },
    ]);
  });

  it('shows a refused attendance mark inline', async () => {
    await openPage({
      'notice.markAttendance': async () => {
        throw new GatewayError({
          code: 'CONFLICT',
          message: '这条报名已取消，不能登记到场；请用“现场登记”',
        });
      },
    });
    fireEvent.click(screen.getByRole('switch', { name: '3栋 李伯伯 已到场' }));
    const alert = await screen.findByText('✕ 这条报名已取消，不能登记到场；请用“现场登记”');
    expect(alert.getAttribute('role')).toBe('alert');
  });

  describe('现场登记', () => {
    it('asks for a name first', async () => {
      await openPage();
      fireEvent.click(screen.getByRole('button', { name: '登记到场' }));
      expect(screen.getByText('✕ 请填写姓名或称呼，如：3栋 李大爷')).toBeTruthy();
      expect(callsOf('notice.checkInFor')).toHaveLength(0);
    });

    it('checks in someone who did not sign up, retrying with the same request id', async () => {
      let attempts = 0;
      await openPage({
        'notice.checkInFor': async ({ name }) => {
          attempts += 1;
          if (attempts === 1)
            throw new GatewayError({ code: 'INTERNAL', message: NETWORK_MESSAGE });
          return staffAttendeeFixture({
            id: 's-9',
            name,
            byStaff: true,
            attendedAt: '2026-12-02T18:45:00+08:00',
            checkIn: 'staff',
          });
        },
      });
      fireEvent.change(screen.getByLabelText('现场登记 姓名或称呼'), {
        target: { value: ' 李大爷（未报名） ' },
      });
      fireEvent.click(screen.getByRole('button', { name: '登记到场' }));
      expect(await screen.findByText(`✕ ${NETWORK_MESSAGE}`)).toBeTruthy();
      fireEvent.click(screen.getByRole('button', { name: '登记到场' }));

      expect(await screen.findByText('✓ 已为 李大爷（未报名） 登记到场')).toBeTruthy();
      const calls = callsOf('notice.checkInFor');
      expect(calls).toEqual([
        {
          activityId: 'act-1',
          name: '李大爷（未报名）',
          requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
        },
        { activityId: 'act-1', name: '李大爷（未报名）', requestId: calls[0].requestId },
      ]);
      expect((screen.getByLabelText('现场登记 姓名或称呼') as HTMLInputElement).value).toBe('');
      // The list is loaded again after each attempt.
      expect(callsOf('notice.attendees')).toHaveLength(3);
    });
  });

  describe('导出签到表', () => {
    const createObjectURL = jest.fn((_blob: Blob) => 'blob:sheet');
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

    it('downloads the notice’s sheet as a UTF-8 CSV with one BOM', async () => {
      const csv = '\uFEFF活动,姓名\r\n书法体验课,王阿姨\r\n';
      await openPage({
        'notice.export': async () => ({ filename: '签到表-2026-11-30-十二月第一周活动.csv', csv }),
      });
      fireEvent.click(screen.getByText('导出签到表'));

      expect(
        await screen.findByText('✓ 已下载 签到表-2026-11-30-十二月第一周活动.csv'),
      ).toBeTruthy();
      expect(callsOf('notice.export')).toEqual([{ id: 'n-9' }]);
      expect(clicked).toHaveLength(1);
      expect(clicked[0].download).toBe('签到表-2026-11-30-十二月第一周活动.csv');
      expect(clicked[0].getAttribute('href')).toBe('blob:sheet');
      // The link is temporary.
      expect(document.querySelector('a[download]')).toBeNull();

      const blob = createObjectURL.mock.calls[0][0];
      expect(blob.type).toBe('text/csv;charset=utf-8');
      const bytes = await readBytes(blob);
      expect([...bytes.slice(0, 4)]).toEqual([0xef, 0xbb, 0xbf, 0xe6]);
      // Exactly the server's text: its one BOM kept, no second one added, CRLF line ends.
      expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(csv);
    });

    it('shows a failed export inline', async () => {
      await openPage({
        'notice.export': async () => {
          throw new GatewayError({ code: 'FORBIDDEN', message: '只有本社区的社工可以导出' });
        },
      });
      fireEvent.click(screen.getByText('导出签到表'));
      expect(await screen.findByText('✕ 只有本社区的社工可以导出')).toBeTruthy();
      expect(clicked).toHaveLength(0);
    });
  });

  it('shows a failed load with retry', async () => {
    let attempts = 0;
    routeCalls({
      'notice.attendees': async () => {
        attempts += 1;
        if (attempts === 1)
          throw new GatewayError({ code: 'NOT_FOUND', message: '没有找到这个活动' });
        return staffAttendeesFixture();
      },
    });
    render(<AttendeesPage />);
    expect(await screen.findByText('没有找到这个活动')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('K7P2Q9')).toBeTruthy();
  });

  it('asks to come from the notices without an activity', () => {
    setRouterParams({});
    render(<AttendeesPage />);
    expect(screen.getByText('请从“活动通知”的报名情况进入')).toBeTruthy();
    expect(callMock).not.toHaveBeenCalled();
  });
});
