export default definePageConfig({
  navigationBarTitleText: '社工名单',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
