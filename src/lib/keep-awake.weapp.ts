import Taro from '@tarojs/taro';

/**
 * The mini-program twin of keep-awake.ts: WeChat keeps the screen on while the mini-program is
 * in front (setKeepScreenOn lasts until the resident leaves it; each page showing again holds it
 * anew). Holds are counted, so pages handing over to each other never switch it off in between.
 */
let holds = 0;

const set = (keepScreenOn: boolean) => {
  // Refused or missing: the screen may go dark, the call still shows when it wakes.
  Taro.setKeepScreenOn({ keepScreenOn }).catch(() => undefined);
};

export function holdScreenOn(): () => void {
  holds += 1;
  if (holds === 1) set(true);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holds -= 1;
    if (holds === 0) set(false);
  };
}
