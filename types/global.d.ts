/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Node's own variable; affects the build output. */
    NODE_ENV: 'development' | 'production' | 'test';
    /** The platform being built. */
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    /**
     * Mini-program appid for this build (Taro's special variable). Optional: project.config.json
     * carries the placeholder "touristappid".
     */
    TARO_APP_ID?: string;
    /**
     * The CloudBase environment id for the weapp build. Optional: when unset (empty),
     * `Taro.cloud.init` uses the mini-program's default environment. Never commit a real id;
     * set it in `.env.local` or the CI environment.
     */
    TARO_APP_CLOUD_ENV?: string;
    /**
     * Base URL of the local host's HTTP API for the H5 build, e.g. "https://bdb.example.org".
     * Optional: empty means the same origin that serves the H5 pages.
     */
    TARO_APP_API_BASE?: string;
    /**
     * WeChat subscription-message template id for "前面还有 3 位" (queue almost at your turn),
     * asked for on the 取号 tap (weapp only). Optional: when all three template ids are empty,
     * no permission is asked and residents follow their ticket in the app only. Not secret, but
     * per mini-program: set it in `.env.production`.
     */
    TARO_APP_TMPL_QUEUE_THREE_AHEAD?: string;
    /** Template id for "请到服务台" (your number is called). Optional, as above. */
    TARO_APP_TMPL_QUEUE_YOUR_TURN?: string;
    /**
     * Template id for the follow-up after a visit (e.g. a missed ticket's requeue deadline), asked
     * for in the same tap (WeChat allows up to three per tap). Optional, as above.
     */
    TARO_APP_TMPL_FOLLOW_UP?: string;
  }
}
