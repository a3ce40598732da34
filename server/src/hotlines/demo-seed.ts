import type { HotlineAudience } from '@xinqiao/shared';
import type { EntityManager } from 'typeorm';
import { Hotline } from './hotline.entity';

export interface DemoHotlineSeed {
  name: string;
  number: string;
  hours: string;
  is24h: boolean;
  audiences: HotlineAudience[];
  source: string;
  region: { id: number; path: string };
}

/** The demo hotlines (each once, by name), in the caller's transaction; answers every listed hotline by name. */
export async function seedDemoHotlines(
  tx: EntityManager,
  hotlines: DemoHotlineSeed[],
): Promise<Map<string, { id: number; regionId: number; regionPath: string }>> {
  const repo = tx.getRepository(Hotline);
  const out = new Map<string, { id: number; regionId: number; regionPath: string }>();
  for (const { region, ...h } of hotlines) {
    if (!(await repo.exists({ where: { name: h.name } }))) await repo.insert({ ...h, regionId: region.id, regionPath: region.path, sortOrder: 0 });
    const row = await repo.findOneByOrFail({ name: h.name });
    out.set(h.name, { id: row.id, regionId: row.regionId, regionPath: row.regionPath });
  }
  return out;
}
