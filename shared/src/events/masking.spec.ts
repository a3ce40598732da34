import { maskName, maskPhone, phoneLast4 } from './masking';

describe('maskName', () => {
  it('keeps the first and last character of longer names', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('张小明')).toBe('张*明');
    expect(maskName('欧阳小明')).toBe('欧**明');
    expect(maskName('李')).toBe('*');
  });

  it('counts characters, not UTF-16 units, and treats blank as unknown', () => {
    expect(maskName('𠀋小明')).toBe('𠀋*明');
    expect(maskName('  王五  ')).toBe('王*');
    expect(maskName('')).toBeNull();
    expect(maskName('   ')).toBeNull();
    expect(maskName(null)).toBeNull();
  });
});

describe('phone helpers', () => {
  it('keeps the last four digits', () => {
    expect(phoneLast4('13800138000')).toBe('8000');
    expect(phoneLast4('023-6866 1234')).toBe('1234');
    expect(phoneLast4('123')).toBeNull();
    expect(phoneLast4(null)).toBeNull();
  });

  it('masks the middle of a mobile number', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone('123456')).toBe('******');
    expect(maskPhone(null)).toBeNull();
  });
});
