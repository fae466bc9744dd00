export default defineAppConfig({
  // The tonight page is the only main-package page: everything else lives in subpackages to keep
  // the first download small.
  pages: ['pages/tonight/index'],
  subPackages: [
    { root: 'package-staff', pages: ['pages/sign-in/index'] },
    { root: 'package-board', pages: ['pages/board/index'] },
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '八点伴',
    navigationBarTextStyle: 'black',
  },
  cloud: true,
});
