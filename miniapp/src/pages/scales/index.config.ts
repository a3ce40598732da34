export default definePageConfig({
  navigationBarTitleText: '心理测评',
  enablePullDownRefresh: true,
});
