import { useState } from 'react';
import { App, Switch, Typography } from 'antd';
import type { AdminScale, ScaleEnableInput } from '@xinqiao/shared';
import { scalesApi } from '../../api/scales';

interface Props {
  scale: AdminScale;
  onChanged(scale: AdminScale): void;
}

/**
 * Enabling a scale whose licence is not marked free for public service first shows the licence
 * note and sends the administrator's confirmation along (the server refuses it otherwise).
 */
export function ScaleEnabledSwitch({ scale, onChanged }: Props) {
  const { modal, message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const send = async (input: ScaleEnableInput) => {
    setBusy(true);
    try {
      onChanged(await scalesApi.setEnabled(scale.code, input));
      void message.success(input.enabled ? `已启用「${scale.title}」` : `已停用「${scale.title}」`);
    } catch {
      // Shown by the API client.
    } finally {
      setBusy(false);
    }
  };

  const toggle = (enabled: boolean) => {
    if (!enabled) {
      modal.confirm({
        title: `停用「${scale.title}」？`,
        content: '停用后居民将无法在小程序中进行该测评，已有的测评记录和预警不受影响。',
        okText: '停用',
        okButtonProps: { danger: true },
        cancelText: '取消',
        onOk: () => send({ enabled: false }),
      });
      return;
    }
    if (scale.licence.freeForPublicService) {
      void send({ enabled: true });
      return;
    }
    modal.confirm({
      title: `启用「${scale.title}」前请确认使用授权`,
      width: 520,
      content: (
        <>
          <Typography.Paragraph>
            该量表的版权许可（{scale.licence.name}）未标明可免费用于公共服务。请确认本单位已取得使用授权或符合以下许可条件：
          </Typography.Paragraph>
          <Typography.Paragraph className="xq-licence-note">{scale.licence.note || '（许可说明为空）'}</Typography.Paragraph>
          {scale.licence.url ? (
            <Typography.Paragraph>
              许可原文：
              <Typography.Link href={scale.licence.url} target="_blank" rel="noopener noreferrer">
                {scale.licence.url}
              </Typography.Link>
            </Typography.Paragraph>
          ) : null}
        </>
      ),
      okText: '已确认授权，启用',
      cancelText: '取消',
      onOk: () => send({ enabled: true, licenceConfirmed: true }),
    });
  };

  return <Switch checked={scale.enabled} loading={busy} checkedChildren="启用" unCheckedChildren="停用" onChange={toggle} aria-label={`启用${scale.title}`} />;
}
