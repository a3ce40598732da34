import { createHash, randomBytes, randomUUID } from 'crypto';

/** Opaque refresh tokens: 256 random bits, stored only as their SHA-256. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export const newFamily = (): string => randomUUID();
