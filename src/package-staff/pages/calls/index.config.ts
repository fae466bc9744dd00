export default definePageConfig({
  navigationBarTitleText: '回访名单',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
