import { resetTaroDouble, vibrateLong } from '../../tests/doubles/taro';
import { CALL_PULSES, vibrateCall } from './vibrate.weapp';

beforeEach(() => {
  resetTaroDouble();
  jest.useFakeTimers();
});

afterEach(() => jest.useRealTimers());

describe('the call in the mini-program', () => {
  it('vibrates long several times, not once', () => {
    vibrateCall();
    expect(vibrateLong).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(10_000);
    expect(CALL_PULSES).toBeGreaterThanOrEqual(4);
    expect(vibrateLong).toHaveBeenCalledTimes(CALL_PULSES);
  });

  it('stops the pulses still to come once the call is seen', () => {
    const stop = vibrateCall();
    jest.advanceTimersByTime(700);
    expect(vibrateLong).toHaveBeenCalledTimes(2);
    stop();
    jest.advanceTimersByTime(10_000);
    expect(vibrateLong).toHaveBeenCalledTimes(2);
  });

  it('keeps going when the phone refuses one pulse (vibration off in settings)', () => {
    vibrateLong.mockImplementationOnce(() => Promise.reject(new Error('vibrateLong:fail')));
    vibrateCall();
    jest.advanceTimersByTime(10_000);
    expect(vibrateLong).toHaveBeenCalledTimes(CALL_PULSES);
  });
});
