export default definePageConfig({
  navigationBarTitleText: '八点伴 · 今晚',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
