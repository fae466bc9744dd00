export default definePageConfig({
  navigationBarTitleText: '街道汇总',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
