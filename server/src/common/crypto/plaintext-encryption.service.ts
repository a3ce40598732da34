import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { JobsService } from '../jobs/jobs.service';
import { dataKeyring } from './encrypted-column';
import { reencrypt } from './reencrypt';

const DAY_MS = 86_400_000;

/**
 * Values written before their column was encrypted are still plaintext (readable: no `enc:`
 * prefix). A recurring job encrypts them, and gives phone numbers their search hashes; after the
 * first run it finds nothing. Moving data to a new key is the rotation command's (npm run rotate-keys).
 */
@Injectable()
export class PlaintextEncryptionService implements OnModuleInit {
  private readonly logger = new Logger('DataProtection');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.schedule('data.encrypt-plaintext', DAY_MS, async () => {
      const counts = await reencrypt(this.ds, dataKeyring(), { only: 'plaintext' });
      const encrypted = counts.filter((c) => c.rows > 0);
      if (encrypted.length) this.logger.log({ encrypted }, 'encrypted values stored before their column was encrypted');
    });
  }
}
