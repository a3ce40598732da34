import { emptyTargetForm, targetScope, toTargetInput } from './targetForm';

describe('awareness target form', () => {
  it('sends the rate as a share and leaves unset dimensions null', () => {
    expect(toTargetInput({ ...emptyTargetForm(3), ratePercent: 70, source: ' 合卫〔2019〕号 ' })).toEqual({
      regionId: 3,
      year: null,
      populationGroup: null,
      urbanRural: null,
      metric: 'pass_rate',
      rate: 0.7,
      source: '合卫〔2019〕号',
    });
    expect(
      toTargetInput({ ...emptyTargetForm(3), ratePercent: 62.5, year: 2026, urbanRural: 'rural', metric: 'mean_correct_rate', source: ' ' }),
    ).toMatchObject({
      rate: 0.625,
      year: 2026,
      urbanRural: 'rural',
      metric: 'mean_correct_rate',
      source: null,
    });
  });

  it('describes the scope of a target', () => {
    expect(targetScope({ year: 2026, urbanRural: 'rural', populationGroup: 'elderly' })).toBe('2026 年 · 农村 · 老年人');
    expect(targetScope({ year: null, urbanRural: null, populationGroup: null })).toBe('长期 · 城乡不限 · 全部人群');
  });
});
