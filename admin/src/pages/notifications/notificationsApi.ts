import type { RegionRobotWebhook, RegionRobotWebhookInput, StaffBindingCode, StaffMobileInput, StaffNoticeSettings, TestNoticeResult } from '@xinqiao/shared';
import { api, data } from '../../api/client';

const byRegion = (regionId: number) => ({ params: { path: { regionId } } });

export const notificationsApi = {
  settings: (): Promise<StaffNoticeSettings> => data(api.GET('/admin/me/notice-settings')),
  bindingCode: (): Promise<StaffBindingCode> => data(api.POST('/admin/me/wechat-binding')),
  unbind: (): Promise<void> => data(api.DELETE('/admin/me/wechat-binding')),
  setMobile: (input: StaffMobileInput): Promise<StaffNoticeSettings> => data(api.PUT('/admin/me/mobile', { body: input })),
  test: (): Promise<TestNoticeResult> => data(api.POST('/admin/me/test-notice')),
  robots: (): Promise<RegionRobotWebhook[]> => data(api.GET('/admin/notice-robots')),
  setRobot: (regionId: number, input: RegionRobotWebhookInput): Promise<RegionRobotWebhook> =>
    data(api.PUT('/admin/notice-robots/{regionId}', { ...byRegion(regionId), body: input })),
  removeRobot: (regionId: number): Promise<void> => data(api.DELETE('/admin/notice-robots/{regionId}', byRegion(regionId))),
};
