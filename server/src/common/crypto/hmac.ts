import { createHmac, randomBytes } from 'crypto';
import type { HmacSha256, RandomBytes } from '@xinqiao/shared';

/** Node's HMAC-SHA256 for the shared event-token functions (synchronous; they await it all the same). */
export const nodeHmacSha256: HmacSha256 = (key, data) => {
  const digest = createHmac('sha256', key).update(data).digest();
  return new Uint8Array(digest.buffer, digest.byteOffset, digest.length);
};

/** Cryptographically secure random bytes, e.g. for `generateTicketCode`. */
export const nodeRandomBytes: RandomBytes = (length) => {
  const bytes = randomBytes(length);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
};
