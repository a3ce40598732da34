/** The counsellor editor's form values and their conversion to and from `CounsellorInput` / `AdminCounsellor`. */
import { formatChinaDateTime, type AdminCounsellor, type CounsellorInput, type CounsellorSpecialty, type SessionMode } from '@xinqiao/shared';

export interface CounsellorFormValues {
  name: string;
  photoUrl: string | null;
  qualification: string;
  title?: string | null;
  certificateNo?: string | null;
  specialties: CounsellorSpecialty[];
  languages: string[];
  modes: SessionMode[];
  stationIds: number[];
  bio?: string | null;
  regionId?: number;
  staffId?: number | null;
  published: boolean;
  /** Ticked by the staff member recording the counsellor's agreement to being shown. */
  publishConsent: boolean;
}

export const CONSENT_LABEL = '本人已同意在小程序中公开姓名、照片、资质、职称、证书编号和简介';

export function emptyCounsellorForm(regionId: number): CounsellorFormValues {
  return {
    name: '',
    photoUrl: null,
    qualification: '',
    title: '',
    certificateNo: '',
    specialties: [],
    languages: ['普通话'],
    modes: ['in_person'],
    stationIds: [],
    bio: '',
    regionId,
    staffId: null,
    published: false,
    publishConsent: false,
  };
}

/** A published profile has its consent on record; an unpublished one must be agreed again before it goes public. */
export function counsellorToForm(c: AdminCounsellor): CounsellorFormValues {
  return {
    name: c.name,
    photoUrl: c.photoUrl,
    qualification: c.qualification,
    title: c.title ?? '',
    certificateNo: c.certificateNo ?? '',
    specialties: c.specialties,
    languages: c.languages,
    modes: c.modes,
    stationIds: c.stationIds,
    bio: c.bio ?? '',
    regionId: c.regionId,
    staffId: c.staffId,
    published: c.published,
    publishConsent: c.published,
  };
}

export function counsellorFormProblems(v: CounsellorFormValues): string[] {
  const problems: string[] = [];
  if (v.published && !v.publishConsent) problems.push(`公开前须取得咨询师本人同意，并勾选“${CONSENT_LABEL}”`);
  if (!v.modes?.length) problems.push('请至少选择一种咨询方式');
  return problems;
}

const blankToNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

export function toCounsellorInput(v: CounsellorFormValues): CounsellorInput {
  if (v.regionId === undefined) throw new Error('regionId is required');
  return {
    name: v.name.trim(),
    photoUrl: v.photoUrl ?? null,
    qualification: v.qualification.trim(),
    title: blankToNull(v.title),
    certificateNo: blankToNull(v.certificateNo),
    specialties: v.specialties ?? [],
    languages: [...new Set((v.languages ?? []).map((l) => l.trim()).filter(Boolean))],
    modes: v.modes,
    stationIds: v.stationIds ?? [],
    bio: blankToNull(v.bio),
    regionId: v.regionId,
    staffId: v.staffId ?? null,
    published: v.published,
    publishConsent: v.published && v.publishConsent,
  };
}

/** "2026-06-01 10:00 由 永川区心理服务中心 记录" (China time), or null without a record. */
export function consentRecordText(c: Pick<AdminCounsellor, 'publishConsent'>): string | null {
  return c.publishConsent ? `${formatChinaDateTime(new Date(c.publishConsent.at))} 由 ${c.publishConsent.recordedBy} 记录` : null;
}
