import {
  adminUrl,
  maskMobile,
  reconnectDelayMs,
  regionTargetId,
  smsParams,
  staffMobileProblems,
  wecomMarkdown,
  CN_MOBILE,
  STAFF_BIND_PREFIX,
} from './staff-notices';

const notice = {
  title: '红色预警',
  text: '胜利路街道萱花社区有一条新的红色预警，请尽快处理',
  link: '/alerts/17',
  region: '胜利路街道萱花社区',
  colour: 'red' as const,
};

describe('staff notice texts', () => {
  it('makes the admin link absolute only when the public address is known', () => {
    expect(adminUrl('/alerts/17', 'https://xq.example.cn/admin/')).toBe('https://xq.example.cn/admin/alerts/17');
    expect(adminUrl('/alerts/17', undefined)).toBe('/alerts/17');
  });

  it('renders the robot markdown with the colour, the region and the link', () => {
    expect(wecomMarkdown(notice, 'https://xq.example.cn/admin')).toBe(
      '### <font color="warning">红色预警</font>\n胜利路街道萱花社区有一条新的红色预警，请尽快处理\n> 区域：胜利路街道萱花社区\n[在管理后台查看](https://xq.example.cn/admin/alerts/17)',
    );
    expect(wecomMarkdown({ ...notice, colour: undefined, title: '测试提醒' }, null)).toBe(
      '### 测试提醒\n胜利路街道萱花社区有一条新的红色预警，请尽快处理\n> 区域：胜利路街道萱花社区\n管理后台：/alerts/17',
    );
  });

  it('gives the SMS template three short variables', () => {
    expect(smsParams(notice)).toEqual(['红色预警', '胜利路街道萱花社区', '管理后台/alerts/17']);
    // 21 characters of region are cut to 20.
    expect(smsParams({ ...notice, region: '一二三四五六七八九十一二三四五六七八九十一' })[1]).toBe('一二三四五六七八九十一二三四五六七八九十');
  });

  it('masks a mobile and recognises mainland numbers', () => {
    expect(maskMobile('13800138000')).toBe('138****8000');
    expect(maskMobile(null)).toBeNull();
    expect(CN_MOBILE.test('13800138000')).toBe(true);
    expect(CN_MOBILE.test('12800138000')).toBe(false);
    expect(CN_MOBILE.test('1380013800')).toBe(false);
    expect(STAFF_BIND_PREFIX).toBe('xqbind:');
  });

  it('accepts a mainland mobile or none as the SMS number', () => {
    expect(staffMobileProblems('13800138000')).toEqual([]);
    expect(staffMobileProblems(null)).toEqual([]);
    expect(staffMobileProblems('1380013800')).toEqual([{ code: 'mobile_invalid', field: 'mobile' }]);
  });

  it('reads a region target', () => {
    expect(regionTargetId('region:17')).toBe(17);
    expect(regionTargetId('region:')).toBeNull();
    expect(regionTargetId('staff:3')).toBeNull();
  });

  it('backs reconnects off from 1 s, doubling up to 30 s, plus jitter', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => reconnectDelayMs(n, 0))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(reconnectDelayMs(1, 1)).toBe(1200);
    expect(reconnectDelayMs(6, 0.5)).toBe(33000);
  });
});
