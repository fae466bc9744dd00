export default definePageConfig({
  navigationBarTitleText: '志愿者与组织',
  enablePullDownRefresh: false,
});
