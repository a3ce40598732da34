export default definePageConfig({
  navigationBarTitleText: '我的测评',
  enablePullDownRefresh: true,
});
