export default definePageConfig({
  navigationBarTitleText: '八点伴 · 大屏',
  navigationBarBackgroundColor: '#000000',
  navigationBarTextStyle: 'white',
  backgroundColor: '#000000',
});
