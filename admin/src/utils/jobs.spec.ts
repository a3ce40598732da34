import type { JobDto } from '@xinqiao/shared';
import { isJobFinished, jobPercent, jobProgressStatus } from './jobs';

const job = (patch: Partial<JobDto>): JobDto => ({
  id: 1,
  kind: 'awareness_report',
  status: 'queued',
  progress: 0,
  error: null,
  fileName: null,
  createdAt: '2026-05-01T00:00:00.000Z',
  finishedAt: null,
  ...patch,
});

describe('job progress', () => {
  it('turns progress into a whole percent, 100 once done', () => {
    expect(jobPercent(job({ status: 'running', progress: 0.456 }))).toBe(46);
    expect(jobPercent(job({ status: 'running', progress: 1.7 }))).toBe(100);
    expect(jobPercent(job({ status: 'done', progress: 0.9 }))).toBe(100);
    expect(jobPercent(job({ status: 'queued', progress: NaN }))).toBe(0);
  });

  it('maps the status to the progress bar and knows when to stop polling', () => {
    expect(jobProgressStatus(job({ status: 'queued' }))).toBe('normal');
    expect(jobProgressStatus(job({ status: 'running' }))).toBe('active');
    expect(jobProgressStatus(job({ status: 'done' }))).toBe('success');
    expect(jobProgressStatus(job({ status: 'failed' }))).toBe('exception');
    expect(isJobFinished(job({ status: 'running' }))).toBe(false);
    expect(isJobFinished(job({ status: 'failed' }))).toBe(true);
  });
});
