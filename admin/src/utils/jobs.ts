import type { JobDto } from '@xinqiao/shared';

/** Background jobs are polled once a second while their progress is on screen. */
export const JOB_POLL_MS = 1000;

export function isJobFinished(job: Pick<JobDto, 'status'>): boolean {
  return job.status === 'done' || job.status === 'failed';
}

/** Whole percent for antd Progress; a finished job shows 100 whatever it last reported. */
export function jobPercent(job: Pick<JobDto, 'status' | 'progress'>): number {
  if (job.status === 'done') return 100;
  const p = Number.isFinite(job.progress) ? job.progress : 0;
  return Math.round(Math.min(1, Math.max(0, p)) * 100);
}

export function jobProgressStatus(job: Pick<JobDto, 'status'>): 'active' | 'success' | 'exception' | 'normal' {
  switch (job.status) {
    case 'done':
      return 'success';
    case 'failed':
      return 'exception';
    case 'running':
      return 'active';
    default:
      return 'normal';
  }
}
