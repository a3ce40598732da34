import type { AppConfig } from '../config/env';
import type { FileStore } from './file-store';
import { LocalFileStore } from './local-file-store';
import { S3FileStore } from './s3-file-store';

/** The store the configuration names (loadConfig has checked that STORAGE_DRIVER=s3 comes with its S3_* settings). */
export function createFileStore(config: AppConfig): FileStore {
  if (config.STORAGE_DRIVER === 'local') return new LocalFileStore(config.UPLOAD_DIR);
  return new S3FileStore({
    endpoint: config.S3_ENDPOINT,
    region: config.S3_REGION!,
    bucket: config.S3_BUCKET!,
    accessKeyId: config.S3_ACCESS_KEY_ID!,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY!,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    timeoutMs: config.S3_TIMEOUT_MS,
  });
}
