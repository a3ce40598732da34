import type { DutyRole } from '@xinqiao/shared';
import type { EntityManager } from 'typeorm';
import { DutyEntry } from './entities/duty-entry.entity';

/** A demo duty: the person covers their region round the clock, every day of the week. */
export interface DemoDuty {
  region: { id: number; path: string };
  staffId: number;
  role: DutyRole;
}

/** The demo rosters, in the caller's transaction; a region that has any duty entry is left as it is. */
export async function seedDemoDuty(tx: EntityManager, duties: DemoDuty[]): Promise<void> {
  const repo = tx.getRepository(DutyEntry);
  for (const d of duties) {
    if (await repo.exists({ where: { regionId: d.region.id } })) continue;
    for (const weekday of [1, 2, 3, 4, 5, 6, 7] as const) {
      await repo.insert({
        regionId: d.region.id,
        regionPath: d.region.path,
        staffId: d.staffId,
        weekday,
        date: null,
        start: '00:00',
        end: '24:00',
        role: d.role,
      });
    }
  }
}
