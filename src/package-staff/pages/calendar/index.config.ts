export default definePageConfig({
  navigationBarTitleText: '开放日历',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
