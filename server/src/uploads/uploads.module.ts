import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../common/config/env';
import { createFileStore } from '../common/storage/create-file-store';
import { FILE_STORE } from '../common/storage/file-store';
import { UploadsController } from './uploads.controller';

@Module({
  controllers: [UploadsController],
  // Exported for app.ts, which serves /uploads/ from the same store.
  providers: [{ provide: FILE_STORE, useFactory: (config: AppConfig) => createFileStore(config), inject: [APP_CONFIG] }],
  exports: [FILE_STORE],
})
export class UploadsModule {}
