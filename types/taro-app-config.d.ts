// Taro's typings put `cloud` on the page-level Config only, but WeChat reads it from app.json
// (it turns on the cloud base library), so app.config.ts needs it on AppConfig.
export {};

declare module '@tarojs/taro' {
  interface AppConfig {
    /** Use WeChat cloud development (wx.cloud). */
    cloud?: boolean;
  }
}
