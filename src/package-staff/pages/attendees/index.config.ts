export default definePageConfig({
  navigationBarTitleText: '报名和签到',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
