import type { StaffRole } from '@xinqiao/shared';
import type { EntityManager } from 'typeorm';
import { Staff } from './staff.entity';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: StaffRole;
  region: { id: number; path: string };
}

/**
 * The demo accounts, each created once (by username), in the caller's transaction; answers every
 * listed account by username, for the other modules' demo rows that name people.
 */
export async function seedDemoStaff(
  tx: EntityManager,
  accounts: DemoAccount[],
  passwordHash: string,
): Promise<Map<string, { id: number; displayName: string }>> {
  const repo = tx.getRepository(Staff);
  const out = new Map<string, { id: number; displayName: string }>();
  for (const a of accounts) {
    if (!(await repo.exists({ where: { username: a.username } }))) {
      await repo.insert({
        username: a.username,
        displayName: a.displayName,
        role: a.role,
        regionId: a.region.id,
        regionPath: a.region.path,
        passwordHash,
        mustChangePassword: false,
      });
    }
    const row = await repo.findOneByOrFail({ username: a.username });
    out.set(a.username, { id: row.id, displayName: row.displayName });
  }
  return out;
}
