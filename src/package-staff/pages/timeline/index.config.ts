export default definePageConfig({
  navigationBarTitleText: '居民记录',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
