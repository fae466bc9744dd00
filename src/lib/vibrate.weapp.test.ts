import { resetTaroDouble, vibrateLong } from '../../tests/doubles/taro';
import {
  CALL_PULSES,
  CALL_REPEAT_MS,
  NEAR_PULSES,
  vibrateCall,
  vibrateNear,
} from './vibrate.weapp';

beforeEach(() => {
  resetTaroDouble();
  jest.useFakeTimers();
});

afterEach(() => jest.useRealTimers());

describe('the call in the mini-program', () => {
  it('vibrates long several times, not once', () => {
    vibrateCall();
    expect(vibrateLong).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(3_000);
    expect(CALL_PULSES).toBeGreaterThanOrEqual(3);
    expect(vibrateLong).toHaveBeenCalledTimes(CALL_PULSES);
  });

  it('starts the burst again every few seconds until the call is seen', () => {
    const stop = vibrateCall();
    jest.advanceTimersByTime(CALL_REPEAT_MS * 3 + 3_000);
    expect(vibrateLong).toHaveBeenCalledTimes(CALL_PULSES * 4);
    stop();
    jest.advanceTimersByTime(60_000);
    expect(vibrateLong).toHaveBeenCalledTimes(CALL_PULSES * 4);
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
    const stop = vibrateCall();
    jest.advanceTimersByTime(3_000);
    expect(vibrateLong).toHaveBeenCalledTimes(CALL_PULSES);
    stop();
  });

  it('says "almost your turn" with long vibrations too, not a 15 ms tick', () => {
    vibrateNear();
    jest.advanceTimersByTime(10_000);
    expect(NEAR_PULSES).toBeGreaterThanOrEqual(2);
    expect(vibrateLong).toHaveBeenCalledTimes(NEAR_PULSES);
  });
});
