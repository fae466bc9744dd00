export default definePageConfig({
  navigationBarTitleText: '编辑通知',
});
