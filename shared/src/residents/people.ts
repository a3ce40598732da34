/** Who residents are, as the statistics and the content targeting see them. */

export const POPULATION_GROUPS = ['student', 'parent', 'employee', 'cadre', 'elderly', 'other'] as const;
export type PopulationGroup = (typeof POPULATION_GROUPS)[number];
export const POPULATION_GROUP_LABELS: Record<PopulationGroup, string> = {
  student: '学生',
  parent: '家长',
  employee: '企业职工',
  cadre: '机关干部',
  elderly: '老年人',
  other: '其他居民',
};

export const AGE_BANDS = ['under14', '14to17', '18to34', '35to59', '60plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  under14: '14岁以下',
  '14to17': '14-17岁',
  '18to34': '18-34岁',
  '35to59': '35-59岁',
  '60plus': '60岁及以上',
};

/** PIPL art. 31: personal information of a child under 14 needs a guardian's consent. */
export function needsGuardianConsent(ageBand: AgeBand | null | undefined): boolean {
  return ageBand === 'under14';
}

export const GENDERS = ['female', 'male', 'undisclosed'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = { female: '女', male: '男', undisclosed: '不愿透露' };

export interface ResidentProfile {
  id: number;
  nickname: string | null;
  regionId: number | null;
  regionName: string | null;
  populationGroup: PopulationGroup | null;
  ageBand: AgeBand | null;
  gender: Gender | null;
  createdAt: string;
}

export interface UpdateResidentProfile {
  nickname?: string | null;
  regionId?: number | null;
  populationGroup?: PopulationGroup | null;
  ageBand?: AgeBand | null;
  gender?: Gender | null;
}

/** PIPL art. 45: everything held about a resident; besides these, one section per module that keeps personal data (its records as it exports them). */
export interface ResidentDataExport {
  exportedAt: string;
  profile: ResidentProfile;
  account: { openid: string; unionid: string | null; createdAt: string };
  [section: string]: unknown;
}
