export default definePageConfig({
  navigationBarTitleText: '社区管理',
  backgroundTextStyle: 'dark',
});
