export default definePageConfig({
  navigationBarTitleText: '晚间报表',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
