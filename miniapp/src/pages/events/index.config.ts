export default definePageConfig({
  navigationBarTitleText: '活动讲座',
  enablePullDownRefresh: true,
});
