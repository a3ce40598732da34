import type { AdminCounsellor } from '@xinqiao/shared';
import { consentRecordText, counsellorFormProblems, counsellorToForm, emptyCounsellorForm, toCounsellorInput } from './counsellorForm';

const profile = {
  id: 4,
  name: '李静',
  photoUrl: null,
  qualification: '国家二级心理咨询师',
  title: null,
  certificateNo: 'A-1',
  specialties: ['emotions'],
  languages: ['普通话'],
  modes: ['phone'],
  stationIds: [2],
  bio: null,
  regionId: 3,
  regionName: '胜利路街道',
  staffId: 9,
  staffName: '胜利路心理咨询师（counsellor_sl）',
  published: false,
  publishConsent: { at: '2026-06-01T02:00:00.000Z', recordedBy: '永川区心理服务中心' },
  updatedAt: '2026-06-02T02:00:00.000Z',
} as AdminCounsellor;

describe('the counsellor form', () => {
  it('asks for consent again before an unpublished profile goes public, and refuses to publish without it', () => {
    const form = counsellorToForm(profile);
    expect(form.publishConsent).toBe(false);
    expect(counsellorFormProblems({ ...form, published: true })).toEqual([
      '公开前须取得咨询师本人同意，并勾选“本人已同意在小程序中公开姓名、照片、资质、职称、证书编号和简介”',
    ]);
    expect(counsellorFormProblems({ ...form, published: true, publishConsent: true })).toEqual([]);
    expect(counsellorToForm({ ...profile, published: true }).publishConsent).toBe(true);
  });

  it('needs a session mode, and cleans the input', () => {
    expect(counsellorFormProblems({ ...emptyCounsellorForm(3), modes: [] })).toEqual(['请至少选择一种咨询方式']);
    const input = toCounsellorInput({
      ...emptyCounsellorForm(3),
      name: ' 王磊 ',
      qualification: '心理治疗师',
      title: ' ',
      languages: ['普通话', ' 重庆话 ', '普通话', ''],
      publishConsent: true,
    });
    expect(input).toMatchObject({ name: '王磊', title: null, languages: ['普通话', '重庆话'], staffId: null, published: false, publishConsent: false });
  });

  it('tells when and by whom consent was recorded, in China time', () => {
    expect(consentRecordText(profile)).toBe('2026-06-01 10:00 由 永川区心理服务中心 记录');
    expect(consentRecordText({ publishConsent: null })).toBeNull();
  });
});
