export default definePageConfig({
  navigationBarTitleText: '居民点单',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
