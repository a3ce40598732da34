import { Injectable } from '@nestjs/common';
import { AppException } from '../../common/errors/app-exception';

/** Why a station or counsellor profile cannot be deleted (a zh-CN sentence), or null when the checker's data does not use it. */
export type InUseCheck = (id: number) => Promise<string | null>;

/**
 * What still uses a station or a counsellor profile. The counsellor profiles register the station
 * check here; the bookings module adds its own (bookings, availability) without this module
 * depending on it.
 */
@Injectable()
export class InUseRegistry {
  private readonly stationChecks: InUseCheck[] = [];
  private readonly counsellorChecks: InUseCheck[] = [];

  onStation(check: InUseCheck): void {
    this.stationChecks.push(check);
  }

  onCounsellor(check: InUseCheck): void {
    this.counsellorChecks.push(check);
  }

  /** 409 naming every use, so one answer says all that must be done before deleting. */
  async assertStationUnused(id: number): Promise<void> {
    await assertUnused(this.stationChecks, id, '该站点仍在使用，不能删除');
  }

  async assertCounsellorUnused(id: number): Promise<void> {
    await assertUnused(this.counsellorChecks, id, '该咨询师信息仍在使用，不能删除');
  }
}

async function assertUnused(checks: readonly InUseCheck[], id: number, summary: string): Promise<void> {
  const reasons = (await Promise.all(checks.map((check) => check(id)))).filter((r): r is string => r !== null);
  if (reasons.length) throw AppException.conflict(`${summary}：${reasons.join('；')}`, { reasons });
}
