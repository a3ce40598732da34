export default defineAppConfig({
  // Tab pages must stay in the main package; everything else lives in a subpackage.
  pages: ['pages/index/index', 'pages/articles/index', 'pages/scales/index', 'pages/events/index', 'pages/me/index'],
  subPackages: [
    { root: 'packageArticles', pages: ['pages/detail/index'] },
    { root: 'packageMe', pages: ['pages/privacy/index', 'pages/export/index', 'pages/staff-bind/index'] },
    {
      root: 'packageScales',
      pages: ['pages/intro/index', 'pages/take/index', 'pages/result/index', 'pages/history/index', 'pages/hotlines/index'],
    },
    // Knowledge quizzes and campaigns; the take page is also opened directly from QR codes and links.
    { root: 'packageQuizzes', pages: ['pages/campaign/index', 'pages/take/index', 'pages/result/index'] },
    // "六进" events: detail and sign-up, 我的活动, the ticket QR, and the page a scanned check-in code opens.
    { root: 'packageEvents', pages: ['pages/detail/index', 'pages/mine/index', 'pages/ticket/index', 'pages/checkin/index'] },
    // Booking help: the station directory and detail, the booking flow (pick, hold, intake, confirm),
    // a booking (also the success page), 我的预约, and 请人联系我.
    {
      root: 'packageBookings',
      pages: ['pages/stations/index', 'pages/station/index', 'pages/book/index', 'pages/booking/index', 'pages/mine/index', 'pages/help/index'],
    },
  ],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['packageArticles', 'packageQuizzes', 'packageBookings'] },
    'pages/articles/index': { network: 'all', packages: ['packageArticles'] },
    'pages/scales/index': { network: 'all', packages: ['packageScales'] },
    'pages/events/index': { network: 'all', packages: ['packageEvents'] },
    'pages/me/index': { network: 'all', packages: ['packageBookings'] },
  },
  // The station directory lists the nearest stations first when the resident allows it.
  permission: {
    'scope.userLocation': { desc: '用于按距离为你列出附近的心理服务站点' },
  },
  requiredPrivateInfos: ['getLocation'],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f5f7f8',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '心桥',
    navigationBarTextStyle: 'black',
    // Also draws Taro's navigation bar (title + back button) in the H5 build.
    navigationStyle: 'default',
  },
  tabBar: {
    color: '#8a8f99',
    selectedColor: '#1f9e8c',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tabbar/home.png', selectedIconPath: 'assets/tabbar/home-active.png' },
      { pagePath: 'pages/articles/index', text: '科普', iconPath: 'assets/tabbar/articles.png', selectedIconPath: 'assets/tabbar/articles-active.png' },
      { pagePath: 'pages/scales/index', text: '测评', iconPath: 'assets/tabbar/scales.png', selectedIconPath: 'assets/tabbar/scales-active.png' },
      { pagePath: 'pages/events/index', text: '活动', iconPath: 'assets/tabbar/events.png', selectedIconPath: 'assets/tabbar/events-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tabbar/me.png', selectedIconPath: 'assets/tabbar/me-active.png' },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
});
