export default definePageConfig({
  navigationBarTitleText: '打印本周海报',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
