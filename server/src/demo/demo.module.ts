import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module';
import { DemoDataService } from './demo-data.service';

/** The demo data set: each owner module seeds its own rows (their `demo-seed.ts`); this module only orchestrates. */
@Module({ imports: [RegionsModule], providers: [DemoDataService], exports: [DemoDataService] })
export class DemoModule {}
