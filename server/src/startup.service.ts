import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from './common/config/env';
import { DemoDataService } from './demo/demo-data.service';
import { QuestionsService } from './quizzes/services/questions.service';
import { ScalesService } from './scales/services/scales.service';
import { FirstAdminService } from './staff/first-admin.service';

/** Data the server needs before it answers: the built-in scales and question bank, demo data (it brings the region tree), then the first admin. */
@Injectable()
export class StartupService implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly demo: DemoDataService,
    private readonly firstAdmin: FirstAdminService,
    private readonly scales: ScalesService,
    private readonly questions: QuestionsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.scales.syncBuiltIns();
    await this.questions.syncDefaultBank();
    if (this.config.SEED_DEMO) await this.demo.seed();
    await this.firstAdmin.ensure();
  }
}
