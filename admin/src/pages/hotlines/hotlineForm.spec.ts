import { NATIONAL_HOTLINES, type Hotline } from '@xinqiao/shared';
import { emptyHotlineForm, hotlineNumberError, hotlineToForm, isEditableHotline, toHotlineInput } from './hotlineForm';

const regional: Hotline = {
  id: 12,
  name: '永川区心理援助热线',
  number: '023-49888888',
  hours: '每天 8:00-22:00',
  is24h: false,
  audiences: ['all', 'youth'],
  source: null,
  regionId: 3,
  regionName: '永川区',
  national: false,
  sortOrder: 5,
};

describe('hotline number', () => {
  it('accepts digit groups joined by single hyphens', () => {
    expect(hotlineNumberError('12356')).toBeNull();
    expect(hotlineNumberError(' 023-12356 ')).toBeNull();
    expect(hotlineNumberError('400-161-9995')).toBeNull();
  });

  it('explains what is wrong in Chinese', () => {
    expect(hotlineNumberError('')).toBe('请输入电话号码');
    expect(hotlineNumberError('023 12356')).toBe('号码中不能有空格');
    expect(hotlineNumberError('023--12356')).toContain('号码格式不正确');
    expect(hotlineNumberError('12')).toContain('号码格式不正确');
    expect(hotlineNumberError('１２３５６')).toContain('号码格式不正确');
  });
});

describe('hotline form mapping', () => {
  it('trims, nulls an empty source and defaults the audience to everyone', () => {
    expect(
      toHotlineInput({
        ...emptyHotlineForm(7),
        name: ' 胜利路街道热线 ',
        number: ' 023-1234567 ',
        hours: ' 24小时 ',
        is24h: true,
        audiences: [],
        source: '  ',
      }),
    ).toEqual({
      name: '胜利路街道热线',
      number: '023-1234567',
      hours: '24小时',
      is24h: true,
      audiences: ['all'],
      source: null,
      regionId: 7,
      sortOrder: 0,
    });
  });

  it('round-trips a regional line', () => {
    expect(toHotlineInput(hotlineToForm(regional))).toEqual({
      name: regional.name,
      number: regional.number,
      hours: regional.hours,
      is24h: false,
      audiences: ['all', 'youth'],
      source: null,
      regionId: 3,
      sortOrder: 5,
    });
  });

  it('keeps national lines read-only', () => {
    expect(NATIONAL_HOTLINES.every((h) => !isEditableHotline(h))).toBe(true);
    expect(isEditableHotline(regional)).toBe(true);
  });
});
