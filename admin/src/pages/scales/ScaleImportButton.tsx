import { useState } from 'react';
import { Button, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { AdminScale } from '@xinqiao/shared';
import { scalesApi } from '../../api/scales';
import { reportFromError, type ProblemReport } from './problems';
import { parseScaleFile, scaleFileError } from './scaleImport';

interface Props {
  /** Called before each attempt (to clear the last report). */
  onStart(): void;
  onImported(scale: AdminScale): void;
  onFailed(report: ProblemReport): void;
}

/** Pick a scale definition (.json), check that it is one JSON object, send it for import. */
export function ScaleImportButton({ onStart, onImported, onFailed }: Props) {
  const [busy, setBusy] = useState(false);

  const importFile = async (file: File) => {
    onStart();
    const refused = scaleFileError(file);
    if (refused) {
      onFailed({ title: refused, problems: [] });
      return;
    }
    setBusy(true);
    try {
      const parsed = parseScaleFile(await file.text());
      if (!parsed.ok) {
        onFailed({ title: parsed.error, problems: [] });
        return;
      }
      onImported(await scalesApi.import(parsed.definition));
    } catch (e) {
      onFailed(reportFromError(e, '导入失败，请稍后重试'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Upload
      accept=".json,application/json"
      showUploadList={false}
      maxCount={1}
      beforeUpload={(file) => {
        void importFile(file);
        // Never upload: the file is read here and its content sent as JSON.
        return false;
      }}
    >
      <Button type="primary" icon={<UploadOutlined />} loading={busy}>
        导入量表
      </Button>
    </Upload>
  );
}
