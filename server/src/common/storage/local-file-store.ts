import { createReadStream } from 'fs';
import { mkdir, rename, stat, unlink, writeFile } from 'fs/promises';
import { randomUUID } from 'crypto';
import { dirname, join, resolve } from 'path';
import { contentTypeOf, isStorageKey, storageUnavailable, type FileStore, type StoredFile, type StoredFileInfo } from './file-store';

const isMissing = (e: unknown) => ['ENOENT', 'ENOTDIR'].includes((e as NodeJS.ErrnoException).code ?? '');

/** Files in one directory (UPLOAD_DIR): today's behaviour, for one instance or a directory all instances mount. */
export class LocalFileStore implements FileStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private path(key: string): string {
    if (!isStorageKey(key)) throw new Error(`not a storage key: ${key}`);
    return join(this.root, key);
  }

  async put(key: string, body: Buffer): Promise<void> {
    const path = this.path(key);
    // Written beside its place under a hidden name, then renamed: a reader sees the whole file or none.
    const partial = join(dirname(path), `.${randomUUID()}.partial`);
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(partial, body);
      await rename(partial, path);
    } catch (e) {
      await unlink(partial).catch(() => undefined);
      throw storageUnavailable('put', key, e);
    }
  }

  async stat(key: string): Promise<StoredFileInfo | null> {
    const path = this.path(key);
    try {
      const s = await stat(path);
      if (!s.isFile()) return null;
      // Size and modification time, as @fastify/static tagged these files before.
      return { size: s.size, etag: `"${s.size.toString(16)}-${Math.trunc(s.mtimeMs).toString(16)}"`, contentType: contentTypeOf(key) };
    } catch (e) {
      if (isMissing(e)) return null;
      throw storageUnavailable('stat', key, e);
    }
  }

  async get(key: string): Promise<StoredFile | null> {
    const info = await this.stat(key);
    return info && { ...info, body: createReadStream(this.path(key)) };
  }
}
