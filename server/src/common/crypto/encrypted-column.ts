import type { ColumnOptions, ValueTransformer } from 'typeorm';
import { DataKeyring, type BlindIndexKind } from './data-cipher';

/**
 * Column transformers are fixed when the entity modules load, before any configuration is read, so
 * the keyring they use is installed once per process at start (createApp, the rotation command).
 */
let installed: DataKeyring | null = null;

export function installDataKeyring(keyring: DataKeyring): void {
  installed = keyring;
}

export function dataKeyring(): DataKeyring {
  if (!installed) throw new Error('DATA_ENCRYPTION_KEYS has not been loaded: no encrypted column can be read or written');
  return installed;
}

/**
 * Encrypts on write and decrypts on read. `blindIndexes` names the columns that hold keyed hashes
 * of this one (kept up to date by the entity, recomputed by the rotation command).
 */
export class EncryptedTransformer implements ValueTransformer {
  constructor(readonly blindIndexes: Readonly<Record<string, BlindIndexKind>> = {}) {}

  to(value: unknown): unknown {
    return typeof value === 'string' ? dataKeyring().encrypt(value) : value;
  }

  from(value: unknown): unknown {
    return typeof value === 'string' ? dataKeyring().decrypt(value) : value;
  }
}

/**
 * A column stored encrypted. `maxChars` is the longest plaintext accepted (the API validates it):
 * the column is sized for its ciphertext, or `text` when that is long.
 */
export function encryptedColumn(maxChars: number | 'text', blindIndexes?: Record<string, BlindIndexKind>): ColumnOptions {
  const transformer = new EncryptedTransformer(blindIndexes);
  if (maxChars === 'text') return { type: 'text', transformer };
  return { type: 'varchar', length: encryptedLength(maxChars), transformer };
}

/** Prefix and key id (up to 30), IV (16) and tag (22) in base64url, then up to 4 UTF-8 bytes per character in base64url. */
function encryptedLength(maxChars: number): number {
  return 30 + 16 + 1 + 22 + 1 + Math.ceil((maxChars * 4 * 4) / 3);
}
