import type { CounsellorInput, StationInput, WeeklyHours } from '@xinqiao/shared';
import type { TestApp } from './test-app';

/** Every day of the week 00:00-24:00: open whenever the calendar and the exceptions let it. */
export const ALWAYS_OPEN: WeeklyHours = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ start: '00:00', end: '24:00' }]]));

/** A valid published 心理咨询室 in `regionId`, placed on the map, open at all hours unless `over` says otherwise. */
export function stationInput(regionId: number, over: Partial<StationInput> = {}): StationInput {
  return {
    name: '测试心理咨询室',
    type: 'counselling_room',
    regionId,
    address: '永川区测试路 1 号',
    location: { lat: 29.36, lng: 105.93 },
    phone: '023-00000009',
    services: ['counselling'],
    accessibility: null,
    description: null,
    photoUrl: null,
    weeklyHours: ALWAYS_OPEN,
    published: true,
    ...over,
  };
}

/** A valid unpublished profile in `regionId` serving no station and linked to no account. */
export function counsellorInput(regionId: number, over: Partial<CounsellorInput> = {}): CounsellorInput {
  return {
    name: '测试咨询师',
    photoUrl: null,
    qualification: '国家二级心理咨询师',
    title: null,
    certificateNo: null,
    specialties: ['emotions'],
    languages: ['普通话'],
    modes: ['in_person'],
    stationIds: [],
    bio: null,
    regionId,
    staffId: null,
    published: false,
    publishConsent: false,
    ...over,
  };
}

/** Creates a station as `token`; answers its id. */
export async function createStation(t: TestApp, token: string, input: StationInput): Promise<number> {
  const res = await t.post('/api/v1/admin/stations', input, token);
  if (res.status !== 201) throw new Error(`create station failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** The id of a demo station or counsellor by name, as staff with the whole district see it. */
export async function idByName(t: TestApp, table: 'stations' | 'counsellor_profiles', name: string): Promise<number> {
  const [row] = await t.dataSource.query(`SELECT id FROM ${table} WHERE name = ?`, [name]);
  if (!row) throw new Error(`no ${table} row named ${name}`);
  return Number(row.id);
}
