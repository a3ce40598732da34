import { DataDecryptionError, DataKeyring, generateDataKey, parseDataKeys } from './data-cipher';

const ring = (...entries: string[]) => new DataKeyring(parseDataKeys(entries.join(',')));
const hex = (h: string) => Buffer.from(h, 'hex').toString('base64url');

describe('DataKeyring', () => {
  const A = generateDataKey('A');
  const B = generateDataKey('B');

  it('decrypts the AES-256-GCM test vector of the GCM specification (McGrew & Viega, test case 14)', () => {
    // Key: 32 zero bytes, IV: 12 zero bytes, plaintext: 16 zero bytes, no AAD
    // -> ciphertext cea7403d4d606b6e074ec5d3baf39d18, tag d0d1c8a799996bf0265b98b5d48ab919.
    const zero = ring(`k0:${Buffer.alloc(32).toString('base64')}`);
    const stored = `enc:v1:k0:${hex('000000000000000000000000')}:${hex('d0d1c8a799996bf0265b98b5d48ab919')}:${hex('cea7403d4d606b6e074ec5d3baf39d18')}`;
    expect(zero.decrypt(stored)).toBe('\0'.repeat(16));
  });

  it('writes self-describing values under the first key, with a fresh IV each time', () => {
    const keys = ring(A, B);
    const one = keys.encrypt('13800138000');
    const two = keys.encrypt('13800138000');
    expect(one).toMatch(/^enc:v1:A:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/);
    expect(one).not.toBe(two);
    expect(keys.decrypt(one)).toBe('13800138000');
    expect(keys.decrypt(keys.encrypt('张女士，晚上联系 🙂'))).toBe('张女士，晚上联系 🙂');
    expect(keys.keyIdOf(one)).toBe('A');
    expect(keys.currentPrefix).toBe('enc:v1:A:');
  });

  it('reads values under any listed key while writing under the first', () => {
    const old = ring(A).encrypt('旧数据');
    const rotating = ring(B, A);
    expect(rotating.decrypt(old)).toBe('旧数据');
    expect(rotating.keyIdOf(rotating.encrypt('新数据'))).toBe('B');
  });

  it('passes legacy plaintext through', () => {
    expect(ring(A).decrypt('13800138000')).toBe('13800138000');
    expect(ring(A).keyIdOf('13800138000')).toBeNull();
  });

  it('refuses, naming the key, a value under a key that is not listed, a wrong key, or an altered value', () => {
    const underA = ring(A).encrypt('13800138000');
    expect(() => ring(B).decrypt(underA)).toThrow(DataDecryptionError);
    expect(() => ring(B).decrypt(underA)).toThrow('encrypted under key "A", which is not in DATA_ENCRYPTION_KEYS (configured: B)');
    const otherA = generateDataKey('A');
    expect(() => ring(otherA).decrypt(underA)).toThrow('value under key "A" does not decrypt');
    const parts = underA.split(':');
    parts[5] = Buffer.from('13900139000').toString('base64url');
    expect(() => ring(A).decrypt(parts.join(':'))).toThrow('does not decrypt');
    expect(() => ring(A).decrypt('enc:v2:A:x:y:z')).toThrow('unknown format version');
    expect(() => ring(A).decrypt('enc:v1:A:truncated')).toThrow('malformed');
  });

  it('computes blind indexes over the digits, per key, and the last four digits apart', () => {
    const keys = ring(A, B);
    const index = keys.blindIndex('phone', '138-0013-8000');
    expect(index).toBe(keys.blindIndex('phone', '13800138000'));
    expect(index).not.toBe(keys.blindIndex('phone', '13800138001'));
    expect(index).not.toBe(ring(B).blindIndex('phone', '13800138000'));
    expect(keys.blindIndexCandidates('phone', '13800138000')).toEqual([index, ring(B).blindIndex('phone', '13800138000')]);
    expect(keys.blindIndex('phone-tail', '13800138000')).toBe(keys.blindIndex('phone-tail', '8000'));
    expect(keys.blindIndex('phone-tail', '13800138000')).not.toBe(keys.blindIndex('phone', '8000'));
    expect(keys.blindIndex('phone', null)).toBeNull();
    expect(keys.blindIndex('phone-tail', '123')).toBeNull();
  });
});

describe('parseDataKeys', () => {
  it('reads `<id>:<base64>` entries, standard or URL-safe base64', () => {
    const key = Buffer.alloc(32, 0xfb);
    const keys = parseDataKeys(`new:${key.toString('base64url')}, old:${key.toString('base64')}`);
    expect(keys.map((k) => k.id)).toEqual(['new', 'old']);
    expect(keys.every((k) => k.key.equals(key))).toBe(true);
  });

  it.each([
    ['', 'at least one'],
    ['nokey', 'entry 1 must be <keyId>:<base64 key>'],
    [`bad id:${Buffer.alloc(32).toString('base64')}`, 'entry 1 must be'],
    [`short:${Buffer.alloc(16).toString('base64')}`, 'key "short" must be 32 bytes'],
    [`k:${Buffer.alloc(32).toString('base64')},K:${Buffer.alloc(32).toString('base64')}`, 'key id "K" is listed twice'],
  ])('refuses %j', (raw, message) => {
    expect(() => parseDataKeys(raw)).toThrow(message);
  });
});
