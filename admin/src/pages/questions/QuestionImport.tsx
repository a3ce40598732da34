import { useState } from 'react';
import { Alert, App, Button, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { QuestionImportResult } from '@xinqiao/shared';
import { ApiRequestError } from '../../api/client';
import { questionsApi } from '../../api/questions';
import { saveBlob } from '../../utils/download';
import { questionsExportFileName, rowProblemsFromDetails, rowProblemText, type RowProblem } from './questionForm';

export type ImportOutcome = { ok: true; result: QuestionImportResult } | { ok: false; title: string; rows: RowProblem[] };

const XLSX_TYPES = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Pick a .xlsx in the export's layout and send it; the page shows the outcome. */
export function QuestionImportButton({ onStart, onDone }: { onStart(): void; onDone(outcome: ImportOutcome): void }) {
  const [busy, setBusy] = useState(false);

  const importFile = async (file: File) => {
    onStart();
    if (!/\.xlsx$/i.test(file.name)) {
      onDone({ ok: false, title: '请选择 .xlsx 格式的 Excel 文件（可先导出题库作为模板）', rows: [] });
      return;
    }
    setBusy(true);
    try {
      onDone({ ok: true, result: await questionsApi.import(file, file.name) });
    } catch (e) {
      onDone({
        ok: false,
        title: e instanceof ApiRequestError ? e.message : '导入失败，请稍后重试',
        rows: e instanceof ApiRequestError ? rowProblemsFromDetails(e.details) : [],
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Upload
      accept={XLSX_TYPES}
      showUploadList={false}
      maxCount={1}
      beforeUpload={(file) => {
        void importFile(file);
        // Sent by questionsApi (with the bearer token), not by the Upload component.
        return false;
      }}
    >
      <Button icon={<UploadOutlined />} loading={busy}>
        导入 Excel
      </Button>
    </Upload>
  );
}

export function QuestionExportButton() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const file = await questionsApi.export();
      saveBlob(file.blob, file.filename ?? questionsExportFileName());
      void message.success('题库已导出，该文件也可作为导入模板');
    } catch {
      // Shown by the API client.
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run()}>
      导出 Excel
    </Button>
  );
}

/** The outcome of the last import: the counts, or every rejected row (nothing was imported then). */
export function ImportOutcomeAlert({ outcome, onClose }: { outcome: ImportOutcome; onClose(): void }) {
  if (outcome.ok) {
    const { created, updated, errors } = outcome.result;
    return (
      <Alert
        type={errors.length ? 'warning' : 'success'}
        showIcon
        closable
        onClose={onClose}
        className="xq-form-alert"
        data-testid="question-import-result"
        message={`导入完成：新增 ${created} 题，更新 ${updated} 题`}
        description={errors.length ? <RowList rows={errors} /> : undefined}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      closable
      onClose={onClose}
      className="xq-form-alert"
      data-testid="question-import-errors"
      message={outcome.rows.length ? `${outcome.title}（共 ${outcome.rows.length} 处，整个文件未导入）` : outcome.title}
      description={outcome.rows.length ? <RowList rows={outcome.rows} /> : undefined}
    />
  );
}

function RowList({ rows }: { rows: RowProblem[] }) {
  return (
    <ol className="xq-problem-list xq-row-problems">
      {rows.map((r, i) => (
        <li key={`${r.row}-${i}`}>{rowProblemText(r)}</li>
      ))}
    </ol>
  );
}
