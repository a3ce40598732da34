import { assignableRoles, hasPermission, mayManageAccount, PERMISSIONS, STAFF_ROLE_LABELS, type Permission, type StaffRole } from './staff';

describe('mayManageAccount', () => {
  const district = '/1/3/';
  const street = '/1/3/7/';
  const otherDistrict = '/1/4/';

  it('lets a region admin manage the working accounts of their region and below', () => {
    const me = { role: 'region_admin' as const, regionPath: district };
    expect(mayManageAccount(me, { role: 'counsellor', regionPath: district })).toBe(true);
    expect(mayManageAccount(me, { role: 'content_editor', regionPath: street })).toBe(true);
    expect(mayManageAccount(me, { role: 'counsellor', regionPath: otherDistrict })).toBe(false);
  });

  it('keeps region admins to the parent region: no peer manages a peer', () => {
    const me = { role: 'region_admin' as const, regionPath: district };
    expect(mayManageAccount(me, { role: 'region_admin', regionPath: district })).toBe(false);
    expect(mayManageAccount(me, { role: 'region_admin', regionPath: street })).toBe(true);
    expect(mayManageAccount(me, { role: 'system_admin', regionPath: street })).toBe(false);
  });

  it('lets a system admin manage every account in their region, and no one else manage accounts', () => {
    expect(mayManageAccount({ role: 'system_admin', regionPath: '/1/' }, { role: 'region_admin', regionPath: district })).toBe(true);
    expect(mayManageAccount({ role: 'system_admin', regionPath: '/1/' }, { role: 'system_admin', regionPath: '/1/' })).toBe(true);
    expect(mayManageAccount({ role: 'counsellor', regionPath: district }, { role: 'checkin_staff', regionPath: street })).toBe(false);
  });
});

describe('the station and booking permissions', () => {
  const holders = (permission: Permission): StaffRole[] => (Object.keys(STAFF_ROLE_LABELS) as StaffRole[]).filter((r) => hasPermission(r, permission));

  it('gives each new permission to the roles the booking design names', () => {
    expect(holders('stations.manage')).toEqual(['system_admin', 'region_admin', 'station_manager']);
    expect(holders('bookings.oversee')).toEqual(['system_admin', 'region_admin', 'station_manager']);
    expect(holders('bookings.handle')).toEqual(['counsellor']);
    expect(holders('bookings.configure')).toEqual(['system_admin']);
  });

  it('lets region admins (and system admins) keep the duty rosters, which counsellors only read', () => {
    expect(holders('alerts.configure')).toEqual(['system_admin', 'region_admin']);
    expect(hasPermission('counsellor', 'alerts.oversee')).toBe(true);
  });

  it('keeps intake and notes to counsellors: a system admin has everything but the two handle permissions', () => {
    expect(PERMISSIONS.filter((p) => !hasPermission('system_admin', p))).toEqual(['alerts.handle', 'bookings.handle']);
  });

  it('makes the station manager (站点负责人) a role of its own with only the station and oversight rights', () => {
    expect(STAFF_ROLE_LABELS.station_manager).toBe('站点负责人');
    expect(PERMISSIONS.filter((p) => hasPermission('station_manager', p))).toEqual(['stations.manage', 'bookings.oversee']);
    expect(assignableRoles('region_admin')).toContain('station_manager');
    expect(assignableRoles('station_manager')).toEqual([]);
  });
});
