/** Fills `bytes` with random values. */
export type RandomFill = (bytes: Uint8Array) => void;

interface CryptoLike {
  getRandomValues?: (bytes: Uint8Array) => Uint8Array;
}

/**
 * The best random source available: Web Crypto in browsers (H5), Math.random on WeChat, whose
 * JS core has neither crypto.randomUUID nor a synchronous getRandomValues. The id only needs to be
 * unique per attempt (idempotent retries), not secret, so Math.random is good enough there.
 */
export function defaultRandomFill(): RandomFill {
  // A bare `typeof` check: older WeChat JS engines lack `globalThis`.
  const c: CryptoLike | undefined = typeof crypto !== 'undefined' ? (crypto as CryptoLike) : undefined;
  if (c && typeof c.getRandomValues === 'function') {
    const getRandomValues = c.getRandomValues.bind(c);
    return (bytes) => {
      getRandomValues(bytes);
    };
  }
  return (bytes) => {
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** RFC 4122 version 4 UUID, lowercase, e.g. `3b241101-e2bb-4255-8caf-4136c566a962`. */
export function uuidV4(fill: RandomFill = defaultRandomFill()): string {
  const b = new Uint8Array(16);
  fill(b);
  b[6] = (b[6] & 0x0f) | 0x40; // version 4
  b[8] = (b[8] & 0x3f) | 0x80; // variant 10xx
  const h = Array.from(b, (x) => HEX[x]);
  return `${h.slice(0, 4).join('')}-${h.slice(4, 6).join('')}-${h.slice(6, 8).join('')}-${h.slice(8, 10).join('')}-${h.slice(10).join('')}`;
}

export const UUID_V4_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function isUuidV4(value: unknown): value is string {
  return typeof value === 'string' && UUID_V4_PATTERN.test(value);
}
