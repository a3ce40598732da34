export default definePageConfig({
  navigationBarTitleText: '心理援助热线',
  enablePullDownRefresh: true,
});
