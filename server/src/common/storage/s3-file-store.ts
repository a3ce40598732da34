import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { OnApplicationShutdown } from '@nestjs/common';
import type { Readable } from 'stream';
import { contentTypeOf, IMMUTABLE, isStorageKey, storageUnavailable, type FileStore, type StoredFile, type StoredFileInfo } from './file-store';

export interface S3StoreOptions {
  /** e.g. https://cos.ap-guangzhou.myqcloud.com, https://oss-cn-hangzhou.aliyuncs.com, http://minio:9000; unset: AWS itself. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `https://endpoint/bucket/key` instead of `https://bucket.endpoint/key` (MinIO and most self-hosted stores). */
  forcePathStyle: boolean;
  /** Longest one request may take, connecting included. */
  timeoutMs: number;
}

const isNotFound = (e: unknown) => e instanceof S3ServiceException && (e.$metadata.httpStatusCode === 404 || e.name === 'NoSuchKey' || e.name === 'NotFound');

/**
 * Objects in one bucket of an S3-compatible store (Tencent COS, Aliyun OSS, MinIO, AWS S3), shared by
 * every API instance. Requests are signed with AWS Signature V4.
 */
export class S3FileStore implements FileStore, OnApplicationShutdown {
  private readonly client: S3Client;

  constructor(private readonly options: S3StoreOptions) {
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      // One retry; a store that is down is answered 503 quickly rather than after the SDK's default three tries.
      maxAttempts: 2,
      // Without throwOnRequestTimeout the handler only logs a request past its time and keeps waiting.
      requestHandler: { connectionTimeout: options.timeoutMs, requestTimeout: options.timeoutMs, throwOnRequestTimeout: true },
      // Only the checksums S3 requires: the CRC headers newer SDKs add by default are refused by several
      // S3-compatible stores (older MinIO, COS and OSS endpoints).
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private object(key: string): { Bucket: string; Key: string } {
    if (!isStorageKey(key)) throw new Error(`not a storage key: ${key}`);
    return { Bucket: this.options.bucket, Key: key };
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    const command = new PutObjectCommand({ ...this.object(key), Body: body, ContentType: contentType, CacheControl: IMMUTABLE });
    try {
      await this.client.send(command);
    } catch (e) {
      throw storageUnavailable('put', key, e);
    }
  }

  async stat(key: string): Promise<StoredFileInfo | null> {
    const command = new HeadObjectCommand(this.object(key));
    try {
      const head = await this.client.send(command);
      return { size: head.ContentLength ?? 0, etag: head.ETag ?? '""', contentType: contentTypeOf(key) };
    } catch (e) {
      if (isNotFound(e)) return null;
      throw storageUnavailable('stat', key, e);
    }
  }

  async get(key: string): Promise<StoredFile | null> {
    const command = new GetObjectCommand(this.object(key));
    try {
      const object = await this.client.send(command);
      return { size: object.ContentLength ?? 0, etag: object.ETag ?? '""', contentType: contentTypeOf(key), body: object.Body as Readable };
    } catch (e) {
      if (isNotFound(e)) return null;
      throw storageUnavailable('get', key, e);
    }
  }

  onApplicationShutdown(): void {
    this.client.destroy();
  }
}
