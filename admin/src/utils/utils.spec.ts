import { buildRegionTree, type RegionDto, type StaffDto } from '@xinqiao/shared';
import { singleFlight } from './singleFlight';
import { toQueryString } from './query';
import { labelEnum, labelOptions, pageRequest } from './proTable';
import { allRegionIds, describeRegionPath, toTreeSelectData } from './regions';
import { passwordError } from './password';
import { isLocked, staffStatus } from './staffStatus';
import { dayRangeToIso, htmlHasText } from './format';

describe('singleFlight', () => {
  it('shares one in-flight call and starts a new one afterwards', async () => {
    let calls = 0;
    let release!: (v: number) => void;
    const run = singleFlight(() => {
      calls += 1;
      return new Promise<number>((resolve) => (release = resolve));
    });
    const a = run();
    const b = run();
    expect(a).toBe(b);
    release(7);
    await expect(Promise.all([a, b])).resolves.toEqual([7, 7]);
    expect(calls).toBe(1);
    const c = run();
    release(8);
    await expect(c).resolves.toBe(8);
    expect(calls).toBe(2);
  });

  it('clears itself after a failure', async () => {
    let calls = 0;
    const run = singleFlight(async () => {
      calls += 1;
      if (calls === 1) throw new Error('boom');
      return 'ok';
    });
    await expect(run()).rejects.toThrow('boom');
    await expect(run()).resolves.toBe('ok');
  });
});

describe('toQueryString', () => {
  it('skips empty values and encodes the rest', () => {
    expect(toQueryString({ a: 1, b: '', c: undefined, d: null, e: '心 桥', f: false })).toBe('?a=1&e=%E5%BF%83+%E6%A1%A5&f=false');
    expect(toQueryString({})).toBe('');
    expect(toQueryString(undefined)).toBe('');
    expect(toQueryString({ ids: [1, 2] })).toBe('?ids=1&ids=2');
  });
});

describe('pageRequest', () => {
  it('maps ProTable params to page/pageSize, trims and drops blank filters', async () => {
    const fetchPage = jest.fn(async (_q: object) => ({ items: [{ id: 1 }], total: 41, page: 3, pageSize: 20 }));
    const request = pageRequest(fetchPage);
    await expect(request({ current: 3, pageSize: 20, keyword: '  焦虑 ', status: '', category: undefined })).resolves.toEqual({
      data: [{ id: 1 }],
      total: 41,
      success: true,
    });
    expect(fetchPage).toHaveBeenCalledWith({ keyword: '焦虑', page: 3, pageSize: 20 });
  });

  it('turns a failed request into an empty, unsuccessful result', async () => {
    const request = pageRequest(async () => {
      throw new Error('500');
    });
    await expect(request({})).resolves.toEqual({ data: [], total: 0, success: false });
  });
});

describe('label helpers', () => {
  const labels = { a: '甲', b: '乙', c: '丙' };
  it('builds valueEnum and options', () => {
    expect(labelEnum(labels)).toEqual({ a: { text: '甲' }, b: { text: '乙' }, c: { text: '丙' } });
    expect(labelOptions(labels, ['c', 'a'])).toEqual([
      { label: '丙', value: 'c' },
      { label: '甲', value: 'a' },
    ]);
    expect(labelOptions(labels)).toHaveLength(3);
  });
});

const region = (id: number, parentId: number | null, name: string, path: string): RegionDto => ({
  id,
  parentId,
  name,
  level: 'district',
  path,
  urbanRural: null,
  population: null,
  urbanPopulation: null,
  code: null,
});

describe('region helpers', () => {
  const regions = [region(3, 1, '永川区', '/1/3/'), region(7, 3, '胜利路街道', '/1/3/7/'), region(8, 3, '中山路街道', '/1/3/8/')];
  const byId = new Map(regions.map((r) => [r.id, r]));

  it('converts a region tree to TreeSelect data', () => {
    const tree = buildRegionTree(regions);
    expect(toTreeSelectData(tree)).toEqual([
      {
        title: '永川区',
        value: 3,
        key: 3,
        children: [
          { title: '胜利路街道', value: 7, key: 7, children: [] },
          { title: '中山路街道', value: 8, key: 8, children: [] },
        ],
      },
    ]);
    expect(allRegionIds(tree)).toEqual([3, 7, 8]);
  });

  it('names a region path from the regions the caller can see', () => {
    expect(describeRegionPath('/1/3/7/', byId)).toBe('永川区 / 胜利路街道');
    expect(describeRegionPath('/9/', byId)).toBe('/9/');
    expect(describeRegionPath(null, byId)).toBe('');
  });
});

describe('passwordError', () => {
  it('applies the shared policy', () => {
    expect(passwordError(undefined)).toBe('请输入密码');
    expect(passwordError('short')).toContain('密码长度至少 10 位');
    expect(passwordError('Xq-editor-2026', 'editor')).toBe('密码不能包含用户名');
    expect(passwordError('Strong@2026xq', 'admin')).toBeNull();
  });
});

describe('staffStatus', () => {
  const now = new Date('2026-11-22T10:00:00Z');
  const base: Pick<StaffDto, 'disabled' | 'lockedUntil' | 'mustChangePassword'> = { disabled: false, lockedUntil: null, mustChangePassword: false };
  it('reports the most severe state', () => {
    expect(staffStatus(base, now)).toBe('active');
    expect(staffStatus({ ...base, mustChangePassword: true }, now)).toBe('mustChangePassword');
    expect(staffStatus({ ...base, mustChangePassword: true, lockedUntil: '2026-11-22T10:15:00Z' }, now)).toBe('locked');
    expect(staffStatus({ ...base, disabled: true, lockedUntil: '2026-11-22T10:15:00Z' }, now)).toBe('disabled');
  });
  it('treats an expired lock as unlocked', () => {
    expect(isLocked({ lockedUntil: '2026-11-22T09:59:59Z' }, now)).toBe(false);
    expect(isLocked({ lockedUntil: '2026-11-22T10:00:01Z' }, now)).toBe(true);
  });
});

describe('format helpers', () => {
  it('detects empty editor HTML', () => {
    expect(htmlHasText('<p></p>')).toBe(false);
    expect(htmlHasText('<p><br></p>')).toBe(false);
    expect(htmlHasText('<p>&nbsp;</p>')).toBe(false);
    expect(htmlHasText('<p>正文</p>')).toBe(true);
    expect(htmlHasText(undefined)).toBe(false);
  });

  it('turns a day range into inclusive ISO bounds', () => {
    const { from, to } = dayRangeToIso(['2026-11-01', '2026-11-02']);
    expect(new Date(from!).getTime()).toBe(new Date(2026, 10, 1, 0, 0, 0, 0).getTime());
    expect(new Date(to!).getTime()).toBe(new Date(2026, 10, 2, 23, 59, 59, 999).getTime());
    expect(dayRangeToIso(undefined)).toEqual({});
  });
});
