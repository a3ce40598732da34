export default definePageConfig({
  navigationBarTitleText: '请人联系我',
});
