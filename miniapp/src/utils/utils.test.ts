import type { RegionDto } from '@xinqiao/shared';
import { formatCount, formatDate } from './format';
import { regionLabel, regionValuePath, toCascaderOptions } from './regions';
import { prepareRichTextHtml } from './richtext';
import { outOfChina, wgs84ToGcj02 } from './gcj02';

describe('prepareRichTextHtml', () => {
  it('makes server-relative image URLs absolute and constrains image width', () => {
    const out = prepareRichTextHtml(
      '<p>a</p><img src="/uploads/x.png" alt="x"><img src="https://cdn.example/y.png" style="border:0">',
      'https://xq.example.cn',
    );
    expect(out).toContain('src="https://xq.example.cn/uploads/x.png"');
    expect(out).toContain('src="https://cdn.example/y.png"');
    expect(out.match(/max-width:100%/g)).toHaveLength(2);
    expect(out).toContain('style="max-width:100%;height:auto;display:block;margin:12px auto;border-radius:6px;border:0"');
  });

  it('leaves protocol-relative URLs alone', () => {
    expect(prepareRichTextHtml('<img src="//cdn/x.png">', 'https://a')).toContain('src="//cdn/x.png"');
  });
});

describe('format', () => {
  it('formats counts and dates', () => {
    expect(formatCount(999)).toBe('999');
    expect(formatCount(12345)).toBe('1.2万');
    expect(formatCount(20000)).toBe('2万');
    expect(formatDate('bad')).toBe('');
    expect(formatDate('2026-11-20T02:00:00.000Z')).toMatch(/^2026-11-2\d$/);
  });
});

describe('regions', () => {
  const r = (id: number, parentId: number | null, name: string, path: string): RegionDto => ({
    id,
    parentId,
    name,
    path,
    level: 'community',
    urbanRural: null,
    population: null,
    urbanPopulation: null,
    code: null,
  });
  const regions = [r(1, null, '市', '/1/'), r(2, 1, '区', '/1/2/'), r(3, 2, '街道', '/1/2/3/'), r(4, 3, '社区', '/1/2/3/4/'), r(5, 1, '空区', '/1/5/')];

  it('starts the cascade below a single root and marks leaves', () => {
    expect(toCascaderOptions(regions)).toEqual([
      { text: '区', value: 2, children: [{ text: '街道', value: 3, children: [{ text: '社区', value: 4 }] }] },
      { text: '空区', value: 5 },
    ]);
    expect(regionValuePath(regions, 4)).toEqual([2, 3, 4]);
    expect(regionLabel(regions, 4)).toBe('区 / 街道 / 社区');
    expect(regionLabel([], 4, '社区')).toBe('社区');
  });
});

describe('wgs84ToGcj02', () => {
  it('shifts a position in China by the GCJ-02 offset', () => {
    // Tiananmen: WGS-84 39.908823, 116.397470 is GCJ-02 39.910226, 116.403714 (about 550 m east-north-east).
    const p = wgs84ToGcj02(39.908823, 116.39747);
    expect(p.lat).toBeCloseTo(39.910226, 5);
    expect(p.lng).toBeCloseTo(116.403714, 5);
  });

  it('leaves positions outside China as they are', () => {
    expect(outOfChina(35.6812, 139.7671)).toBe(true);
    expect(wgs84ToGcj02(35.6812, 139.7671)).toEqual({ lat: 35.6812, lng: 139.7671 });
    expect(wgs84ToGcj02(51.5, -0.12)).toEqual({ lat: 51.5, lng: -0.12 });
  });
});
