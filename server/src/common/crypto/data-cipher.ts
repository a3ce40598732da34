import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'crypto';
import { phoneLast4 } from '@xinqiao/shared';

/**
 * Encryption of personal data at rest: AES-256-GCM under keys from DATA_ENCRYPTION_KEYS. A stored
 * value names the key that encrypted it (`enc:v1:<keyId>:<iv>:<tag>:<data>`, base64url), so several
 * keys can be listed while data moves from an old key to a new one; the first key encrypts.
 */

export interface DataKey {
  id: string;
  key: Buffer;
}

const PREFIX = 'enc:';
const VERSION = 'v1';
const KEY_ID = /^[A-Za-z0-9_-]{1,16}$/;
const IV_BYTES = 12;
const KEY_BYTES = 32;

/** Decryption failed: a key that is not configured, a malformed value, or data that was altered. */
export class DataDecryptionError extends Error {}

/** What a blind index is computed over: the whole phone number, or its last four digits. */
export type BlindIndexKind = 'phone' | 'phone-tail';

/**
 * `<keyId>:<base64 of 32 bytes>` entries separated by commas. Errors never echo the key material.
 */
export function parseDataKeys(raw: string): DataKey[] {
  const entries = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!entries.length) throw new Error('must list at least one <keyId>:<base64 32-byte key>');
  const seen = new Set<string>();
  return entries.map((entry, i) => {
    const colon = entry.indexOf(':');
    const id = colon < 0 ? '' : entry.slice(0, colon);
    if (!KEY_ID.test(id)) throw new Error(`entry ${i + 1} must be <keyId>:<base64 key> with a key id of 1-16 letters, digits, _ or -`);
    const encoded = entry.slice(colon + 1);
    const key = Buffer.from(encoded, 'base64');
    if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(encoded) || key.length !== KEY_BYTES)
      throw new Error(`key "${id}" must be ${KEY_BYTES} bytes in base64 (e.g. openssl rand -base64 32)`);
    // MySQL compares strings case-insensitively: ids differing only in case would look alike there.
    if (seen.has(id.toLowerCase())) throw new Error(`key id "${id}" is listed twice`);
    seen.add(id.toLowerCase());
    return { id, key };
  });
}

/** A fresh key entry for DATA_ENCRYPTION_KEYS. */
export function generateDataKey(id: string): string {
  return `${id}:${randomBytes(KEY_BYTES).toString('base64')}`;
}

const b64 = (b: Buffer) => b.toString('base64url');

export class DataKeyring {
  private readonly keys: Map<string, Buffer>;
  private readonly indexKeys: Map<string, Buffer>;
  readonly currentKeyId: string;

  constructor(keys: DataKey[]) {
    if (!keys.length) throw new Error('a data keyring needs at least one key');
    this.keys = new Map(keys.map((k) => [k.id, k.key]));
    // Blind indexes use a key derived from the data key, never the data key itself.
    this.indexKeys = new Map(keys.map((k) => [k.id, Buffer.from(hkdfSync('sha256', k.key, Buffer.alloc(0), 'xinqiao:blind-index:v1', KEY_BYTES))]));
    this.currentKeyId = keys[0].id;
  }

  get keyIds(): string[] {
    return [...this.keys.keys()];
  }

  /** The prefix every value encrypted under the current key starts with. */
  get currentPrefix(): string {
    return `${PREFIX}${VERSION}:${this.currentKeyId}:`;
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentKeyId)!, iv);
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${this.currentPrefix}${b64(iv)}:${b64(cipher.getAuthTag())}:${b64(data)}`;
  }

  /** The plaintext of a stored value; a value without the `enc:` prefix is legacy plaintext and returned as it is. */
  decrypt(stored: string): string {
    if (!isEncrypted(stored)) return stored;
    const parts = stored.split(':');
    if (parts.length !== 6 || parts[1] !== VERSION) throw new DataDecryptionError('encrypted value is malformed or of an unknown format version');
    const [, , keyId, iv, tag, data] = parts;
    const key = this.keys.get(keyId);
    if (!key)
      throw new DataDecryptionError(`value is encrypted under key "${keyId}", which is not in DATA_ENCRYPTION_KEYS (configured: ${this.keyIds.join(', ')})`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new DataDecryptionError(`value under key "${keyId}" does not decrypt: the key is not the one it was written with, or the value was altered`);
    }
  }

  /** The key id a stored value was encrypted under, or null for legacy plaintext. */
  keyIdOf(stored: string): string | null {
    return isEncrypted(stored) ? (stored.split(':')[2] ?? null) : null;
  }

  /** Keyed hash for exact-match search (under the current key); null when there is nothing to index. */
  blindIndex(kind: BlindIndexKind, value: string | null | undefined): string | null {
    return this.blindIndexUnder(this.currentKeyId, kind, value);
  }

  /** The index under every listed key: rows not yet rotated still carry an index under an older key. */
  blindIndexCandidates(kind: BlindIndexKind, value: string): string[] {
    return this.keyIds.map((id) => this.blindIndexUnder(id, kind, value)).filter((v): v is string => v !== null);
  }

  private blindIndexUnder(keyId: string, kind: BlindIndexKind, value: string | null | undefined): string | null {
    const normalised = normaliseFor(kind, value);
    if (normalised === null) return null;
    return createHmac('sha256', this.indexKeys.get(keyId)!).update(`${kind}:${normalised}`).digest('base64url');
  }
}

export function isEncrypted(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

/** Digits only, so `138-0013-8000` and `13800138000` match; the tail is the last four digits. */
function normaliseFor(kind: BlindIndexKind, value: string | null | undefined): string | null {
  if (kind === 'phone-tail') return phoneLast4(value);
  return (value ?? '').replace(/\D/g, '') || null;
}
