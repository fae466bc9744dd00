export default definePageConfig({
  navigationBarTitleText: '活动通知',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
