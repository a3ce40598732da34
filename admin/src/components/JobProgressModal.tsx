import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Modal, Progress, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { JOB_STATUS_LABELS, type JobDto } from '@xinqiao/shared';
import { ApiRequestError } from '../api/client';
import { jobsApi } from '../api/jobs';
import { saveBlob } from '../utils/download';
import { isJobFinished, jobPercent, jobProgressStatus, JOB_POLL_MS } from '../utils/jobs';

interface Props {
  title: string;
  /** The job as the start call answered; the modal is open while it is set. */
  job: JobDto | null;
  /** Used when neither the download nor the job names the file. */
  fallbackFileName: string;
  onClose(): void;
}

/** Polls a background job once a second with a progress bar, then downloads its file once. */
export function JobProgressModal({ title, job: started, fallbackFileName, onClose }: Props) {
  const [job, setJob] = useState<JobDto | null>(started);
  const [pollError, setPollError] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);
  const downloaded = useRef<number | null>(null);

  useEffect(() => {
    setJob(started);
    setPollError(null);
  }, [started]);

  const jobId = job?.id;
  const finished = job ? isJobFinished(job) : true;

  useEffect(() => {
    if (jobId === undefined || finished || pollError) return;
    const timer = setTimeout(() => {
      jobsApi.get(jobId).then(setJob, (e: unknown) => setPollError(e instanceof ApiRequestError ? e.message : '查询进度失败，请稍后重试'));
    }, JOB_POLL_MS);
    return () => clearTimeout(timer);
  }, [jobId, finished, pollError, job]);

  const download = useCallback(
    async (j: JobDto) => {
      setDownloading(true);
      try {
        const file = await jobsApi.download(j.id);
        saveBlob(file.blob, file.filename ?? j.fileName ?? fallbackFileName);
      } catch {
        // Shown by the API client; the button stays for another try.
      } finally {
        setDownloading(false);
      }
    },
    [fallbackFileName],
  );

  // Download once, as soon as the file is ready.
  useEffect(() => {
    if (job?.status === 'done' && downloaded.current !== job.id) {
      downloaded.current = job.id;
      void download(job);
    }
  }, [job, download]);

  return (
    <Modal
      open={started !== null}
      title={title}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      footer={
        <Space>
          {job?.status === 'done' ? (
            <Button type="primary" icon={<DownloadOutlined />} loading={downloading} onClick={() => void download(job)}>
              重新下载
            </Button>
          ) : null}
          <Button onClick={onClose}>关闭</Button>
        </Space>
      }
    >
      {job ? (
        <div data-testid="job-progress" data-status={job.status}>
          <Progress percent={jobPercent(job)} status={jobProgressStatus(job)} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {JOB_STATUS_LABELS[job.status]}
            {job.status === 'done' ? '，文件已开始下载' : null}
            {job.status === 'queued' || job.status === 'running' ? '，完成后自动下载，请勿关闭此窗口' : null}
          </Typography.Paragraph>
          {job.status === 'failed' ? <Alert type="error" showIcon style={{ marginTop: 12 }} message={job.error ?? '生成失败，请稍后重试'} /> : null}
          {pollError ? <Alert type="warning" showIcon style={{ marginTop: 12 }} message={pollError} /> : null}
        </div>
      ) : null}
    </Modal>
  );
}
