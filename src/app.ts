import Taro, { usePageNotFound } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import './app.scss';

const NOT_FOUND_PAGE = '/package-misc/pages/not-found/index';

function App({ children }: PropsWithChildren) {
  // An unknown route (an old or mistyped link) leaves a blank screen in H5 and WeChat's bare
  // "page missing" screen in the mini-program: say so in Chinese instead, with a way back.
  usePageNotFound(() => {
    void Taro.redirectTo({ url: NOT_FOUND_PAGE });
  });
  // children is the page being rendered
  return children;
}

export default App;
