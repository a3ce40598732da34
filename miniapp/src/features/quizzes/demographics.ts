import {
  AGE_BANDS,
  GENDERS,
  POPULATION_GROUPS,
  type AgeBand,
  type Demographics,
  type Gender,
  type PopulationGroup,
  type QuizKind,
  type RegionDto,
  type ResidentProfile,
} from '@xinqiao/shared';
import { getCachedResident } from '../../services/session';
import { STORAGE_KEYS, readStorage, writeStorage } from '../../services/storage';

/** The facts the awareness statistics break answers down by, in the order the step asks them. */
export const DEMOGRAPHIC_FIELDS = ['regionId', 'populationGroup', 'ageBand', 'gender'] as const;
export type DemographicField = (typeof DEMOGRAPHIC_FIELDS)[number];

export const DEMOGRAPHIC_PROMPTS: Record<DemographicField, string> = {
  regionId: '请选择所在社区（村）',
  populationGroup: '请选择人群',
  ageBand: '请选择年龄段',
  gender: '请选择性别',
};

/** Practice may be answered by anyone; surveys and pre/post tests count towards the statistics. */
export function needsDemographics(kind: QuizKind): boolean {
  return kind !== 'practice';
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPositiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;

/** Whether `value` is a valid answer for `field`. */
export function isDemographicValue(field: DemographicField, value: unknown): boolean {
  switch (field) {
    case 'regionId':
      return isPositiveInt(value);
    case 'populationGroup':
      return POPULATION_GROUPS.includes(value as PopulationGroup);
    case 'ageBand':
      return AGE_BANDS.includes(value as AgeBand);
    case 'gender':
      return GENDERS.includes(value as Gender);
  }
}

/** The valid fields of an untrusted object (a stored draft, an error's details). */
export function pickDemographics(raw: unknown): Partial<Demographics> {
  const out: Record<string, unknown> = {};
  if (!isObject(raw)) return out;
  for (const f of DEMOGRAPHIC_FIELDS) if (isDemographicValue(f, raw[f])) out[f] = raw[f];
  return out as Partial<Demographics>;
}

/** Fields `known` lacks, in asking order. */
export function missingDemographics(known: Partial<Demographics>): DemographicField[] {
  return DEMOGRAPHIC_FIELDS.filter((f) => !isDemographicValue(f, known[f]));
}

/**
 * What the step asks before the first question: nothing for practice; a signed-in resident's
 * profile gaps not yet answered for this attempt (`pending`); without an account all four, once.
 */
export function fieldsToAsk(
  kind: QuizKind,
  profile: ResidentProfile | null,
  stored: StoredDemographics | null,
  pending: Partial<Demographics> = {},
): DemographicField[] {
  if (!needsDemographics(kind)) return [];
  if (profile) return missingDemographics({ ...pickDemographics(profile), ...pickDemographics(pending) });
  return stored ? [] : [...DEMOGRAPHIC_FIELDS];
}

/** `details.missing` of a 400 VALIDATION_FAILED answer to an attempt, or [] when it names none. */
export function missingFromError(details: unknown): DemographicField[] {
  if (!isObject(details) || !Array.isArray(details.missing)) return [];
  const named = details.missing as unknown[];
  return DEMOGRAPHIC_FIELDS.filter((f) => named.includes(f));
}

// -----------------------------------------------------------------------------------------------
// The step's form

/** The region as the cascade picked it: the level tells whether it is a community (or village). */
export type PickedRegion = Pick<RegionDto, 'id' | 'name' | 'level'>;

export interface DemographicsForm {
  region: PickedRegion | null;
  populationGroup: PopulationGroup | null;
  ageBand: AgeBand | null;
  gender: Gender | null;
}

export const EMPTY_DEMOGRAPHICS_FORM: DemographicsForm = { region: null, populationGroup: null, ageBand: null, gender: null };

/** What the resident still has to choose among `fields`, in zh-CN, in the form's order. */
export function demographicsProblems(form: DemographicsForm, fields: readonly DemographicField[]): string[] {
  const problems: string[] = [];
  for (const f of DEMOGRAPHIC_FIELDS) {
    if (!fields.includes(f)) continue;
    if (f === 'regionId') {
      if (!form.region) problems.push(DEMOGRAPHIC_PROMPTS.regionId);
      // The statistics split by urban/rural, which only communities and villages carry.
      else if (form.region.level !== 'community') problems.push('请选择到社区（村）一级');
    } else if (!form[f]) {
      problems.push(DEMOGRAPHIC_PROMPTS[f]);
    }
  }
  return problems;
}

/** The chosen `fields` for the attempt's `demographics`. Call only when there are no problems. */
export function demographicsFromForm(form: DemographicsForm, fields: readonly DemographicField[]): Partial<Demographics> {
  const out: Partial<Demographics> = {};
  if (fields.includes('regionId') && form.region) out.regionId = form.region.id;
  if (fields.includes('populationGroup') && form.populationGroup) out.populationGroup = form.populationGroup;
  if (fields.includes('ageBand') && form.ageBand) out.ageBand = form.ageBand;
  if (fields.includes('gender') && form.gender) out.gender = form.gender;
  return out;
}

// -----------------------------------------------------------------------------------------------
// Remembered on the device for answering without an account

export const STORED_DEMOGRAPHICS_SHAPE = 1;

export interface StoredDemographics extends Demographics {
  shape: typeof STORED_DEMOGRAPHICS_SHAPE;
  /** For the "答题人信息" line, without loading the region list. */
  regionName: string;
  savedAt: string;
}

export function parseStoredDemographics(raw: unknown): StoredDemographics | null {
  if (!isObject(raw) || raw.shape !== STORED_DEMOGRAPHICS_SHAPE || typeof raw.regionName !== 'string') return null;
  if (missingDemographics(pickDemographics(raw)).length) return null;
  return raw as unknown as StoredDemographics;
}

export function loadStoredDemographics(): StoredDemographics | null {
  return parseStoredDemographics(readStorage<unknown>(STORAGE_KEYS.quizDemographics));
}

/** Remember a complete form; the caller has checked it with `demographicsProblems`. */
export function storeDemographics(form: DemographicsForm, now = new Date()): StoredDemographics | null {
  const { region, populationGroup, ageBand, gender } = form;
  if (!region || !populationGroup || !ageBand || !gender) return null;
  const stored: StoredDemographics = {
    shape: STORED_DEMOGRAPHICS_SHAPE,
    regionId: region.id,
    regionName: region.name,
    populationGroup,
    ageBand,
    gender,
    savedAt: now.toISOString(),
  };
  writeStorage(STORAGE_KEYS.quizDemographics, stored);
  return stored;
}

/** The region lists are scoped to: the signed-in resident's, else the one remembered for quizzes. */
export function listRegionId(): number | null {
  return getCachedResident()?.regionId ?? loadStoredDemographics()?.regionId ?? null;
}

/** The attempt's `demographics` from what the device remembers. */
export function storedToDemographics(s: StoredDemographics): Demographics {
  return { regionId: s.regionId, populationGroup: s.populationGroup, ageBand: s.ageBand, gender: s.gender };
}

/** The form prefilled from what the device remembers, minus the fields the server said are missing. */
export function formFromStored(s: StoredDemographics | null, without: readonly DemographicField[] = []): DemographicsForm {
  if (!s) return EMPTY_DEMOGRAPHICS_FORM;
  return {
    // Only communities are ever stored (the step refuses anything else).
    region: without.includes('regionId') ? null : { id: s.regionId, name: s.regionName, level: 'community' },
    populationGroup: without.includes('populationGroup') ? null : s.populationGroup,
    ageBand: without.includes('ageBand') ? null : s.ageBand,
    gender: without.includes('gender') ? null : s.gender,
  };
}
