export default definePageConfig({
  navigationBarTitleText: '心理科普',
  enablePullDownRefresh: true,
  onReachBottomDistance: 100,
});
