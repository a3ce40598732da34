import { Injectable } from '@nestjs/common';
import { isWithin } from '@xinqiao/shared';
import { In, type EntityManager } from 'typeorm';
import { AppException } from '../../common/errors/app-exception';
import { Quiz } from '../entities/quiz.entity';

/** What quizzes, events and awareness need to know of a campaign they link to or report by. */
export interface CampaignRef {
  id: number;
  title: string;
  regionPath: string;
}

export interface CampaignDirectory {
  find(ids: number[]): Promise<CampaignRef[]>;
}

/**
 * The campaigns module sits above quizzes, events and awareness (its dashboard reads all three), yet
 * their rows link to campaigns: it registers its directory here, so they look campaigns up without
 * importing it and the modules form no loop.
 */
@Injectable()
export class CampaignRefs {
  private directory: CampaignDirectory | null = null;

  provide(directory: CampaignDirectory): void {
    this.directory = directory;
  }

  async find(ids: number[]): Promise<CampaignRef[]> {
    if (!this.directory) throw new Error('The campaigns module has not registered its directory');
    return ids.length ? this.directory.find(ids) : [];
  }

  async get(id: number): Promise<CampaignRef | null> {
    return (await this.find([id]))[0] ?? null;
  }
}

/**
 * Makes `quizIds` exactly the quizzes of the campaign, inside the campaign's transaction. Every quiz
 * must lie in `regionPath`'s subtree.
 */
export async function linkQuizzesToCampaign(tx: EntityManager, campaignId: number, quizIds: number[], regionPath: string): Promise<void> {
  const repo = tx.getRepository(Quiz);
  const ids = [...new Set(quizIds)];
  const found = ids.length ? await repo.find({ select: { id: true, regionPath: true }, where: { id: In(ids) } }) : [];
  if (found.length !== ids.length || found.some((q) => !isWithin(q.regionPath, regionPath))) {
    throw AppException.badRequest('关联的测验不存在或不在本辖区', undefined, 'VALIDATION_FAILED');
  }
  await repo.update({ campaignId }, { campaignId: null });
  if (ids.length) await repo.update({ id: In(ids) }, { campaignId });
}

/** Unlinks the campaign's quizzes (they are kept, and so are the answers counted for it). */
export async function unlinkCampaignQuizzes(tx: EntityManager, campaignId: number): Promise<void> {
  await tx.getRepository(Quiz).update({ campaignId }, { campaignId: null });
}
