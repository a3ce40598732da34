import { Logger } from '@nestjs/common';
import type { Readable } from 'stream';
import { AppException } from '../errors/app-exception';

/** What the store knows of one stored file. */
export interface StoredFileInfo {
  size: number;
  /** A quoted entity tag, as sent in `ETag`. */
  etag: string;
  contentType: string;
}

export interface StoredFile extends StoredFileInfo {
  body: Readable;
}

/**
 * Where uploaded files live: a local directory (one instance, or a directory every instance mounts) or an
 * S3-compatible bucket that several instances share. Keys are relative names such as `3f2a….png`
 * (see isStorageKey). A store that cannot be reached throws `storageUnavailable()`; a missing file is `null`.
 */
export interface FileStore {
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<StoredFile | null>;
  /** Size, entity tag and type without the body (HEAD and conditional requests). */
  stat(key: string): Promise<StoredFileInfo | null>;
}

export const FILE_STORE = Symbol('FILE_STORE');

/** How long a stored file may be cached: for good, since every key is a fresh UUID and never rewritten. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * A key is one or more `/`-separated segments of letters, digits, `_`, `-` and `.`, none starting with a
 * dot and no `..` anywhere: nothing outside the store (or a hidden temporary file) can be named.
 */
export function isStorageKey(key: string): boolean {
  return key.length <= 255 && /^[\w-][\w.-]*(\/[\w-][\w.-]*)*$/.test(key) && !key.includes('..');
}

const TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp' };

/** The type a key is served with, from its extension; anything unknown is an opaque download. */
export function contentTypeOf(key: string): string {
  return TYPES[key.slice(key.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';
}

const logger = new Logger('Storage');

/** Retry-After of a STORAGE_UNAVAILABLE answer: a store restart or network cut is usually over within seconds. */
export const STORAGE_RETRY_AFTER_SECONDS = 5;

/**
 * The store did not answer (down, unreachable, refusing our credentials): logged here with its cause, the
 * one place that still knows it, and answered 503 so the caller may try again later.
 */
export function storageUnavailable(operation: string, key: string, cause: unknown): AppException {
  logger.warn(`${operation} ${key} failed: ${cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)}`);
  return new AppException(503, 'STORAGE_UNAVAILABLE', '图片存储暂时不可用，请稍后再试');
}
