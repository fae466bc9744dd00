export default definePageConfig({
  navigationBarTitleText: '社区回音墙',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
