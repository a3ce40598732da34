/**
 * The few byte helpers the event tokens need, written without TextEncoder, Buffer or atob so the
 * same code runs in Node, the admin's browser and (if ever needed) the mini-program.
 */

/**
 * HMAC-SHA256 of `data` under `key`. The server passes Node's crypto (synchronous), the admin's
 * offline check-in page passes WebCrypto (asynchronous); every caller awaits the result.
 */
export type HmacSha256 = (key: Uint8Array, data: Uint8Array) => Uint8Array | Promise<Uint8Array>;

/** Fills a buffer with cryptographically secure random bytes (crypto.randomBytes / getRandomValues). */
export type RandomBytes = (length: number) => Uint8Array;

export function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    // A lone surrogate cannot be encoded; U+FFFD is what TextEncoder writes for it.
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** RFC 4648 §5 base64url without padding: URL-, QR- and WeChat-scene-safe. */
export function base64UrlEncode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += B64URL[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** Decodes unpadded base64url; null for any character or length no encoder would produce. */
export function base64UrlDecode(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out: number[] = [];
  for (let i = 0; i < text.length; i += 4) {
    const chunk = text.slice(i, i + 4);
    let n = 0;
    for (let k = 0; k < 4; k++) {
      const v = k < chunk.length ? B64URL.indexOf(chunk[k]) : 0;
      if (v < 0) return null;
      n = (n << 6) | v;
    }
    const bytes = chunk.length - 1;
    for (let k = 0; k < bytes; k++) out.push((n >> (16 - 8 * k)) & 255);
    // Non-zero bits past the last byte would be a second spelling of the same bytes: refuse them,
    // so a token has exactly one valid text form.
    const spare = 6 * chunk.length - 8 * bytes;
    if ((n >> (24 - 6 * chunk.length)) & ((1 << spare) - 1)) return null;
  }
  return Uint8Array.from(out);
}

/** Compares in time independent of where the first difference is (no timing oracle for forgers). */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

/**
 * The parts of WebCrypto's SubtleCrypto used here, declared so this package needs no DOM types; the
 * browser's `crypto.subtle` and Node's `webcrypto.subtle` both satisfy it.
 */
export interface SubtleCryptoLike {
  importKey(
    format: 'raw',
    keyData: Uint8Array<ArrayBuffer>,
    algorithm: { name: 'HMAC'; hash: 'SHA-256' },
    extractable: boolean,
    keyUsages: 'sign'[],
  ): Promise<unknown>;
  sign(algorithm: 'HMAC', key: never, data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
}

/**
 * HMAC-SHA256 over WebCrypto, for the admin's browser (available on HTTPS and localhost only) or
 * any runtime with `globalThis.crypto.subtle` (Node 20 included).
 */
export function webCryptoHmacSha256(subtle?: SubtleCryptoLike): HmacSha256 {
  const api = subtle ?? (globalThis as { crypto?: { subtle?: SubtleCryptoLike } }).crypto?.subtle;
  if (!api) throw new Error('WebCrypto is not available here (the page must be served over HTTPS or from localhost)');
  return async (key, data) => {
    // Copies: WebCrypto takes only views of a plain ArrayBuffer, not of a SharedArrayBuffer.
    const cryptoKey = await api.importKey('raw', new Uint8Array(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    return new Uint8Array(await api.sign('HMAC', cryptoKey as never, new Uint8Array(data)));
  };
}
