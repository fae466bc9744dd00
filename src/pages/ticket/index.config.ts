export default definePageConfig({
  navigationBarTitleText: '八点伴 · 我的号',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
