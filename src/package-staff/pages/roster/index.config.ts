export default definePageConfig({
  navigationBarTitleText: '值班与调休',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
