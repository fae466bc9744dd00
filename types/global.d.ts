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
  }
}
