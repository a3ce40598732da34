import { extractBindingCode } from './staffBinding';

describe('extractBindingCode', () => {
  it('finds the code in what was scanned or pasted', () => {
    expect(extractBindingCode('xqbind:5.1767225600.abcdefghijkl.AAAAAAAAAAAAAAAAAAAAAA')).toBe('xqbind:5.1767225600.abcdefghijkl.AAAAAAAAAAAAAAAAAAAAAA');
    expect(extractBindingCode('  绑定码：xqbind:5.1.a.b 请在10分钟内使用')).toBe('xqbind:5.1.a.b');
    expect(extractBindingCode('xqbind:')).toBeNull();
    expect(extractBindingCode('https://example.com')).toBeNull();
  });
});
