import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { GatewayError } from '@/lib/gateway';
import { myActivityFixture, noticeActivityFixture } from '@/test-utils/fixtures';
import { callMock, callsOf, routeCalls, type Handlers } from '@/test-utils/mock-gateway';
import {
  navigateTo,
  reLaunch,
  resetTaroDouble,
  setRouterParams,
} from '../../../../tests/doubles/taro';
import CheckInPage from './index';

jest.mock('@/lib/gateway', () => ({ ...jest.requireActual('@/lib/gateway'), call: jest.fn() }));

const vibrate = jest.fn();

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
  vibrate.mockReset();
  // H5's vibration (the mini-program build calls Taro.vibrateShort instead).
  Object.defineProperty(navigator, 'vibrate', { value: vibrate, configurable: true });
  setRouterParams({ a: 'a-1', k: 'K7P2Q9' });
});

afterEach(() => {
  Reflect.deleteProperty(navigator, 'vibrate');
});

const ATTENDED = '2026-11-25T18:20:00+08:00';
const checkedIn = () =>
  noticeActivityFixture({
    mine: { id: 's-1', status: 'signed', waitlistPosition: null, attendedAt: ATTENDED },
  });

function open(handlers: Handlers) {
  routeCalls({ 'notice.mine': async () => [], ...handlers });
  return render(<CheckInPage />);
}

describe('check-in page', () => {
  it('checks in with one big tap: 签到成功 in words, with a vibration', async () => {
    open({ 'notice.checkIn': async () => checkedIn() });
    const confirm = screen.getByRole('button', { name: '确认签到' });
    expect(screen.getByText('签到码：K7P2Q9')).toBeTruthy();
    expect(callsOf('notice.checkIn')).toHaveLength(0);

    fireEvent.click(confirm);

    const status = await screen.findByRole('status');
    await waitFor(() => expect(status.textContent).toContain('签到成功'));
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(screen.getByText('签到时间 18:20')).toBeTruthy();
    // The activity as the answer names it.
    expect(screen.getByText('书法体验课')).toBeTruthy();
    expect(screen.getByText('11月25日 周三 18:30–19:30')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '确认签到' })).toBeNull();
    expect(vibrate).toHaveBeenCalledTimes(1);
    // This page opens from the QR code: a scan.
    expect(callsOf('notice.checkIn')).toEqual([{ activityId: 'a-1', code: 'K7P2Q9', via: 'scan' }]);

    fireEvent.click(screen.getByText('查看活动通知'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/package-notice/pages/detail/index?id=n-1' });
  });

  it('reads the activity and code from a mini-program code scene', async () => {
    setRouterParams({ scene: encodeURIComponent('a=a-9&k=k7p2q9') });
    open({ 'notice.checkIn': async () => checkedIn() });
    fireEvent.click(screen.getByText('确认签到'));
    await screen.findByText('签到成功');
    expect(callsOf('notice.checkIn')).toEqual([{ activityId: 'a-9', code: 'K7P2Q9', via: 'scan' }]);
  });

  it('names the activity before the tap when it is one of my sign-ups', async () => {
    open({ 'notice.mine': async () => [myActivityFixture()] });
    expect(await screen.findByText('书法体验课')).toBeTruthy();
    expect(screen.getByText('地点：二楼活动室')).toBeTruthy();
    expect(screen.getByText('确认签到')).toBeTruthy();
  });

  it('says so when already checked in, without asking again', async () => {
    open({
      'notice.mine': async () => [
        myActivityFixture({
          signUp: { id: 's-1', status: 'signed', waitlistPosition: null, attendedAt: ATTENDED },
        }),
      ],
    });
    expect(await screen.findByText('您已签到')).toBeTruthy();
    expect(screen.getByText('签到时间 18:20')).toBeTruthy();
    expect(screen.queryByText('确认签到')).toBeNull();
    expect(vibrate).not.toHaveBeenCalled();
  });

  it('shows the server’s refusal clearly, and the tap can be tried again', async () => {
    let attempts = 0;
    open({
      'notice.checkIn': async () => {
        attempts += 1;
        if (attempts === 1) {
          throw new GatewayError({
            code: 'CLOSED',
            message: '还没到签到时间：活动 11-25 18:30 开始，提前 30 分钟可签到',
          });
        }
        return checkedIn();
      },
    });
    fireEvent.click(screen.getByText('确认签到'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('✕ 还没到签到时间：活动 11-25 18:30 开始，提前 30 分钟可签到');
    expect(screen.queryByText('签到成功')).toBeNull();
    expect(vibrate).not.toHaveBeenCalled();

    fireEvent.click(screen.getByText('确认签到'));
    expect(await screen.findByText('签到成功')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('still checks in when my sign-ups cannot be loaded', async () => {
    open({
      'notice.mine': async () => {
        throw new GatewayError({ code: 'INTERNAL', message: '网络不给力，请稍后再试' });
      },
      'notice.checkIn': async () => checkedIn(),
    });
    fireEvent.click(screen.getByText('确认签到'));
    expect(await screen.findByText('签到成功')).toBeTruthy();
  });

  it('says so when the code is incomplete', () => {
    setRouterParams({ a: 'a-1' });
    open({});
    expect(screen.getByText('签到信息不完整，请重新扫描社工出示的签到二维码')).toBeTruthy();
    expect(screen.queryByText('确认签到')).toBeNull();
    fireEvent.click(screen.getByText('回到今晚服务'));
    expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/tonight/index' });
  });
});
