export default definePageConfig({
  navigationBarTitleText: '科普详情',
  enableShareAppMessage: true,
});
