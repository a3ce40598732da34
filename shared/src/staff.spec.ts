import { mayManageAccount } from './staff';

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
