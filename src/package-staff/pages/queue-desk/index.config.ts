export default definePageConfig({
  navigationBarTitleText: '叫号台',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
