import { Injectable } from '@nestjs/common';
import type { AttemptScore } from '@xinqiao/shared';
import type { EntityManager } from 'typeorm';

/** The respondent profile of a scored attempt, as the statistics count it. */
export interface CountedAttempt {
  quizId: number;
  regionId: number | null;
  regionPath: string | null;
  urbanRural: string | null;
  populationGroup: string | null;
  ageBand: string | null;
  gender: string | null;
  campaignId: number | null;
  eventId: number | null;
}

export type AttemptCounter = (tx: EntityManager, attempt: CountedAttempt, scored: Pick<AttemptScore, 'items' | 'passed' | 'correctRate'>) => Promise<void>;

/**
 * The awareness module sits above quizzes (its figures read quizzes) yet keeps its counts in step
 * with every scored attempt: it registers its counter here, and each counted attempt runs it inside
 * the attempt's own transaction, so the figures always match the answers.
 */
@Injectable()
export class AttemptCounters {
  private readonly counters: AttemptCounter[] = [];

  register(counter: AttemptCounter): void {
    this.counters.push(counter);
  }

  async count(tx: EntityManager, attempt: CountedAttempt, scored: Pick<AttemptScore, 'items' | 'passed' | 'correctRate'>): Promise<void> {
    for (const counter of this.counters) await counter(tx, attempt, scored);
  }
}
