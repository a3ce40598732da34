import type { RegionRobotWebhook, RegionRobotWebhookInput, StaffBindingCode, StaffMobileInput, StaffNoticeSettings, TestNoticeResult } from '@xinqiao/shared';
import { http } from '../../api/client';

export const notificationsApi = {
  settings: () => http.get<StaffNoticeSettings>('/admin/me/notice-settings'),
  bindingCode: () => http.post<StaffBindingCode>('/admin/me/wechat-binding', {}),
  unbind: () => http.delete('/admin/me/wechat-binding'),
  setMobile: (input: StaffMobileInput) => http.put<StaffNoticeSettings>('/admin/me/mobile', input),
  test: () => http.post<TestNoticeResult>('/admin/me/test-notice', {}),
  robots: () => http.get<RegionRobotWebhook[]>('/admin/notice-robots'),
  setRobot: (regionId: number, input: RegionRobotWebhookInput) => http.put<RegionRobotWebhook>(`/admin/notice-robots/${regionId}`, input),
  removeRobot: (regionId: number) => http.delete(`/admin/notice-robots/${regionId}`),
};
