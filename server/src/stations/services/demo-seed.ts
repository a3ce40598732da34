import type { CounsellorSpecialty, SessionMode, StationService, StationType, TimeRange, WeeklyHours } from '@xinqiao/shared';
import type { EntityManager } from 'typeorm';
import { CounsellorProfileRow } from '../entities/counsellor-profile.entity';
import { CounsellorStation } from '../entities/counsellor-station.entity';
import { StationExceptionRow } from '../entities/station-exception.entity';
import { Station } from '../entities/station.entity';

type RegionRef = { id: number; path: string };
type Placed = { id: number; regionPath: string };

export interface DemoStationSeed {
  name: string;
  type: StationType;
  region: RegionRef;
  address: string;
  lat: number;
  lng: number;
  phone: string | null;
  services: StationService[];
  accessibility: string | null;
  description: string;
  weeklyHours: WeeklyHours;
  /** A dated change of the opening hours. */
  exception?: { date: string; hours: TimeRange[]; note: string };
}

export interface DemoCounsellorSeed {
  name: string;
  qualification: string;
  title: string | null;
  certificateNo: string | null;
  specialties: CounsellorSpecialty[];
  languages: string[];
  modes: SessionMode[];
  bio: string;
  region: RegionRef;
  /** The staff account the profile belongs to. */
  staffId: number | null;
  /** Names of the stations the counsellor works at. */
  stations: string[];
}

/**
 * The demo stations and counsellor profiles (each once, by name), in the caller's transaction, with
 * the publication consent recorded by `office`; answers every listed station and profile by name.
 */
export async function seedDemoStations(
  tx: EntityManager,
  stations: DemoStationSeed[],
  counsellors: DemoCounsellorSeed[],
  office: { id: number; displayName: string },
): Promise<{ stations: Map<string, Placed>; counsellors: Map<string, Placed> }> {
  const stationRepo = tx.getRepository(Station);
  const profileRepo = tx.getRepository(CounsellorProfileRow);
  for (const { region, exception, ...st } of stations) {
    if (await stationRepo.exists({ where: { name: st.name } })) continue;
    const saved = await stationRepo.save(stationRepo.create({ ...st, photoUrl: null, published: true, regionId: region.id, regionPath: region.path }));
    if (exception) await tx.getRepository(StationExceptionRow).insert({ stationId: saved.id, ...exception });
  }
  for (const { region, staffId, stations: names, ...c } of counsellors) {
    if (await profileRepo.exists({ where: { name: c.name } })) continue;
    const saved = await profileRepo.save(
      profileRepo.create({
        ...c,
        photoUrl: null,
        regionId: region.id,
        regionPath: region.path,
        staffId,
        published: true,
        publishConsentAt: new Date(),
        publishConsentById: office.id,
        publishConsentByName: office.displayName,
      }),
    );
    for (const name of names) {
      const station = await stationRepo.findOneByOrFail({ name });
      await tx.getRepository(CounsellorStation).insert({ counsellorId: saved.id, stationId: station.id });
    }
  }
  const placed = async <T extends Placed & { name: string }>(find: (name: string) => Promise<T>, names: string[]) =>
    new Map(await Promise.all(names.map(async (n) => [n, await find(n)] as const)));
  return {
    stations: await placed(
      (name) => stationRepo.findOneByOrFail({ name }),
      stations.map((s) => s.name),
    ),
    counsellors: await placed(
      (name) => profileRepo.findOneByOrFail({ name }),
      counsellors.map((c) => c.name),
    ),
  };
}
