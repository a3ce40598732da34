import type { AgeBand } from '@xinqiao/shared';
import type { EntityManager } from 'typeorm';
import { Resident } from './resident.entity';

/** The demo resident (by openid), in the caller's transaction; `created` says whether it is new. */
export async function seedDemoResident(
  tx: EntityManager,
  r: { openid: string; region: { id: number; path: string }; ageBand: AgeBand },
): Promise<{ id: number; created: boolean }> {
  const repo = tx.getRepository(Resident);
  const existing = await repo.findOne({ where: { openid: r.openid } });
  if (existing) return { id: existing.id, created: false };
  const saved = await repo.save(
    repo.create({
      openid: r.openid,
      unionid: null,
      nickname: null,
      regionId: r.region.id,
      regionPath: r.region.path,
      populationGroup: null,
      ageBand: r.ageBand,
      gender: null,
    }),
  );
  return { id: saved.id, created: true };
}
