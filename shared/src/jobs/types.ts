/** Background jobs (exports, imports) as the job endpoints report them. */
export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const JOB_STATUS_LABELS: Record<JobStatus, string> = { queued: '排队中', running: '进行中', done: '已完成', failed: '失败' };

export interface JobDto {
  id: number;
  kind: string;
  status: JobStatus;
  /** 0..1 */
  progress: number;
  /** zh-CN error for a failed job. */
  error: string | null;
  fileName: string | null;
  createdAt: string;
  finishedAt: string | null;
}
