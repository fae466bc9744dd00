import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { resetTaroDouble, showToast } from '../../../../tests/doubles/taro';
import { DialButton } from './dial-button.weapp';

// The shared Taro double has no dialler: added here for the weapp twin.
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro');
  const extra = { makePhoneCall: jest.fn() };
  return { __esModule: true, ...actual, ...extra, default: { ...actual.default, ...extra } };
});

const dial = jest.mocked(Taro.makePhoneCall);

beforeEach(() => {
  resetTaroDouble();
  dial.mockReset();
});

describe('拨打 in the mini-program', () => {
  it('opens the dialler with the full number', () => {
    dial.mockResolvedValue({ errMsg: 'makePhoneCall:ok' });
    render(<DialButton phone="138 0000 5678" name="王阿姨" />);
    fireEvent.click(screen.getByRole('button', { name: '拨打 王阿姨 的电话' }));
    expect(dial).toHaveBeenCalledWith({ phoneNumber: '13800005678' });
  });

  it('says nothing when staff close the dialler', async () => {
    dial.mockRejectedValue({ errMsg: 'makePhoneCall:fail cancel' });
    render(<DialButton phone="13800005678" name="王阿姨" />);
    fireEvent.click(screen.getByRole('button', { name: '拨打 王阿姨 的电话' }));
    await Promise.resolve();
    expect(dial).toHaveBeenCalledTimes(1);
    expect(showToast).not.toHaveBeenCalled();
  });
});
