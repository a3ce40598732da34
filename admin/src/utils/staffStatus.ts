import type { StaffDto } from '@xinqiao/shared';

export type StaffStatus = 'disabled' | 'locked' | 'mustChangePassword' | 'active';

export const STAFF_STATUS_LABELS: Record<StaffStatus, string> = {
  disabled: '已停用',
  locked: '已锁定',
  mustChangePassword: '待修改初始密码',
  active: '正常',
};

export const STAFF_STATUS_COLORS: Record<StaffStatus, string> = {
  disabled: 'default',
  locked: 'red',
  mustChangePassword: 'orange',
  active: 'green',
};

export function isLocked(staff: Pick<StaffDto, 'lockedUntil'>, now: Date = new Date()): boolean {
  return staff.lockedUntil !== null && new Date(staff.lockedUntil).getTime() > now.getTime();
}

/** The one status shown for an account, most severe first. */
export function staffStatus(staff: Pick<StaffDto, 'disabled' | 'lockedUntil' | 'mustChangePassword'>, now: Date = new Date()): StaffStatus {
  if (staff.disabled) return 'disabled';
  if (isLocked(staff, now)) return 'locked';
  if (staff.mustChangePassword) return 'mustChangePassword';
  return 'active';
}
