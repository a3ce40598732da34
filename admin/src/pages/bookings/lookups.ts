/**
 * Station and counsellor names for the booking pages. Station managers read the admin lists
 * (stations.manage); counsellors have no access to those, so they read the public directory
 * (published stations and profiles), which is enough to filter and to hand a booking over.
 */
import { useEffect, useState } from 'react';
import type { AdminCounsellor, SessionMode, StaffDto } from '@xinqiao/shared';
import { counsellorsApi } from '../../api/counsellors';
import { stationsApi } from '../../api/stations';
import { allows } from '../../auth/permissions';

export interface NamedOption {
  value: number;
  label: string;
}

export function useStationOptions(staff: Pick<StaffDto, 'role'>): NamedOption[] {
  const [options, setOptions] = useState<NamedOption[]>([]);
  const admin = allows(staff.role, 'stations.manage');
  useEffect(() => {
    let cancelled = false;
    const load = admin
      ? stationsApi.list({ pageSize: 100 }, { silent: true }).then((p) => p.items)
      : stationsApi.publicList({ pageSize: 100, bookable: true }, { silent: true }).then((p) => p.items);
    load.then(
      (items) => !cancelled && setOptions(items.map((s) => ({ value: s.id, label: s.name }))),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [admin]);
  return options;
}

export interface CounsellorOption extends NamedOption {
  modes: SessionMode[];
  /** Public profiles are always published; the admin list also has unpublished ones. */
  published: boolean;
}

/** Counsellors to filter by or hand over to, optionally those of one station. */
export function useCounsellorOptions(staff: Pick<StaffDto, 'role'>, stationId?: number): CounsellorOption[] {
  const [options, setOptions] = useState<CounsellorOption[]>([]);
  const admin = allows(staff.role, 'stations.manage');
  useEffect(() => {
    let cancelled = false;
    const load = admin
      ? counsellorsApi.list({ pageSize: 100, stationId }, { silent: true }).then((p) => p.items)
      : counsellorsApi.publicList({ pageSize: 100, stationId }, { silent: true }).then((p) => p.items.map((c) => ({ ...c, published: true })));
    load.then(
      (items) =>
        !cancelled &&
        setOptions(items.map((c) => ({ value: c.id, label: c.title ? `${c.name}（${c.title}）` : c.name, modes: c.modes, published: c.published }))),
      () => !cancelled && setOptions([]),
    );
    return () => {
      cancelled = true;
    };
  }, [admin, stationId]);
  return options;
}

export type MyProfileState =
  { status: 'loading' } | { status: 'none' } | { status: 'found'; counsellor: AdminCounsellor } | { status: 'error'; message: string };

/** The counsellor profile linked to the signed-in account (only asked for roles with bookings.handle). */
export function useMyCounsellor(staff: Pick<StaffDto, 'id' | 'role'>): MyProfileState {
  const handle = allows(staff.role, 'bookings.handle');
  const [state, setState] = useState<MyProfileState>(handle ? { status: 'loading' } : { status: 'none' });
  useEffect(() => {
    if (!handle) return;
    let cancelled = false;
    counsellorsApi.mine().then(
      (c) => !cancelled && setState(c ? { status: 'found', counsellor: c } : { status: 'none' }),
      (e: unknown) => !cancelled && setState({ status: 'error', message: e instanceof Error ? e.message : '咨询师信息加载失败' }),
    );
    return () => {
      cancelled = true;
    };
  }, [handle, staff.id]);
  return state;
}
