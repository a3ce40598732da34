import { useEffect, useState } from 'react';
import { Alert, Button, Space, Spin, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { ApiRequestError, type DownloadedFile } from '../../api/client';
import { eventsApi } from '../../api/events';
import { saveBlob } from '../../utils/download';

/**
 * The event's own mini-program code, for posters and notices. An <img src> cannot carry the bearer
 * token, so the image is fetched as a blob and shown through an object URL (revoked on unmount).
 */
export function EventCodeImage({ eventId }: { eventId: number }) {
  const [file, setFile] = useState<DownloadedFile | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let objectUrl: string | null = null;
    let cancelled = false;
    eventsApi.wxacode(eventId).then(
      (f) => {
        if (cancelled) return;
        objectUrl = URL.createObjectURL(f.blob);
        setFile(f);
        setUrl(objectUrl);
      },
      (e: unknown) => !cancelled && setError(e instanceof ApiRequestError ? e.message : '小程序码加载失败'),
    );
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [eventId]);

  if (error) return <Alert type="warning" showIcon message="暂时无法生成小程序码" description={error} />;
  if (!url || !file) return <Spin />;
  return (
    <Space align="start" size="large" wrap>
      <img src={url} alt="活动小程序码" className="event-wxacode" width={220} height={220} />
      <Space direction="vertical">
        <Typography.Paragraph type="secondary" style={{ maxWidth: 360 }}>
          居民用微信扫描此码即可打开活动页面报名。可下载后印在海报、通知上。
        </Typography.Paragraph>
        <Button icon={<DownloadOutlined />} onClick={() => saveBlob(file.blob, file.filename ?? `活动小程序码-${eventId}.png`)}>
          下载小程序码
        </Button>
      </Space>
    </Space>
  );
}
