export default defineAppConfig({
  // Residents' pages only in the main package (tonight, and the ticket page they land on from
  // notices); bookings, staff and the TV board live in subpackages to keep the first download
  // small.
  pages: ['pages/tonight/index', 'pages/ticket/index'],
  subPackages: [
    { root: 'package-booking', pages: ['pages/book/index', 'pages/mine/index'] },
    {
      root: 'package-notice',
      pages: ['pages/list/index', 'pages/detail/index', 'pages/check-in/index'],
    },
    {
      root: 'package-suggestion',
      pages: ['pages/mine/index', 'pages/submit/index', 'pages/echo-wall/index'],
    },
    { root: 'package-survey', pages: ['pages/vote/index'] },
    {
      root: 'package-staff',
      pages: [
        'pages/sign-in/index',
        'pages/queue-desk/index',
        'pages/bookings/index',
        'pages/notices/index',
        'pages/notice-edit/index',
        'pages/attendees/index',
        'pages/calls/index',
        'pages/suggestions/index',
        'pages/timeline/index',
        'pages/survey/index',
        'pages/report/index',
        'pages/roster/index',
        'pages/team/index',
        'pages/communities/index',
        'pages/subdistrict/index',
        'pages/poster/index',
        'pages/volunteer/index',
        'pages/volunteers/index',
        'pages/calendar/index',
      ],
    },
    { root: 'package-board', pages: ['pages/board/index'] },
    // Where unknown routes land (app.ts): out of the main package, it is rarely needed.
    { root: 'package-misc', pages: ['pages/not-found/index'] },
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '八点伴',
    navigationBarTextStyle: 'black',
  },
  cloud: true,
});
