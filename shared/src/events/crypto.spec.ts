import { base64UrlDecode, base64UrlEncode, constantTimeEqual, utf8, webCryptoHmacSha256 } from './crypto';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('utf8', () => {
  it('encodes ASCII, CJK, astral characters and lone surrogates as TextEncoder does', () => {
    expect(hex(utf8('event:42'))).toBe('6576656e743a3432');
    expect(hex(utf8('心桥'))).toBe('e5bf83e6a1a5');
    expect(hex(utf8('é'))).toBe('c3a9');
    expect(hex(utf8('😀'))).toBe('f09f9880');
    expect(hex(utf8('a\ud800b'))).toBe('61efbfbd62');
  });
});

describe('base64url', () => {
  it('matches the RFC 4648 vectors, unpadded', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg'],
      ['fo', 'Zm8'],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg'],
      ['fooba', 'Zm9vYmE'],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(base64UrlEncode(ascii(plain))).toBe(encoded);
      expect(base64UrlDecode(encoded)).toEqual(ascii(plain));
    }
  });

  it('uses - and _ instead of + and /', () => {
    expect(base64UrlEncode(Uint8Array.from([0xfb, 0xff, 0xbf]))).toBe('-_-_');
    expect(base64UrlDecode('-_-_')).toEqual(Uint8Array.from([0xfb, 0xff, 0xbf]));
  });

  it('round-trips every length and byte value', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n * 31) & 255);
      expect(base64UrlDecode(base64UrlEncode(bytes))).toEqual(bytes);
    }
  });

  it('refuses padding, foreign characters, impossible lengths and non-canonical spellings', () => {
    expect(base64UrlDecode('Zg==')).toBeNull();
    expect(base64UrlDecode('Zm+v')).toBeNull();
    expect(base64UrlDecode('Zm9v Y')).toBeNull();
    expect(base64UrlDecode('Zm9vY')).toBeNull();
    // "Zh" carries the same byte as "Zg" with a stray bit set.
    expect(base64UrlDecode('Zh')).toBeNull();
    expect(base64UrlDecode('Zm9')).toBeNull();
  });
});

describe('constantTimeEqual', () => {
  it('compares contents and lengths', () => {
    expect(constantTimeEqual(ascii('abc'), ascii('abc'))).toBe(true);
    expect(constantTimeEqual(ascii('abc'), ascii('abd'))).toBe(false);
    expect(constantTimeEqual(ascii('abc'), ascii('ab'))).toBe(false);
    expect(constantTimeEqual(new Uint8Array(0), new Uint8Array(0))).toBe(true);
  });
});

describe('webCryptoHmacSha256', () => {
  it('computes RFC 4231 test case 2', async () => {
    const hmac = webCryptoHmacSha256();
    expect(hex(await hmac(ascii('Jefe'), ascii('what do ya want for nothing?')))).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('says why when there is no WebCrypto', () => {
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
    try {
      expect(() => webCryptoHmacSha256()).toThrow(/HTTPS/);
    } finally {
      if (saved) Object.defineProperty(globalThis, 'crypto', saved);
    }
  });
});
