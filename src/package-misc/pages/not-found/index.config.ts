export default definePageConfig({
  navigationBarTitleText: '八点伴 · 没有找到页面',
});
