import { useState } from 'react';
import { ProCard } from '@ant-design/pro-components';
import { App, Button, DatePicker, Form } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { DownloadedFile } from '../api/client';
import { saveBlob } from '../utils/download';
import { RegionTreeSelect } from './RegionTreeSelect';

/** A statistics page's query: a region (default: the caller's) and a month range, `YYYY-MM`. */
export interface MonthlyQuery {
  regionId?: number;
  fromMonth: string;
  toMonth: string;
}

/**
 * The filter bar of the monthly statistics pages (预约统计, 预警处置指标): region, month range and the
 * Excel export of what is shown.
 */
export function MonthlyStatsFilters<Q extends MonthlyQuery>({
  query,
  onChange,
  regionPlaceholder,
  exportFile,
  fileName,
}: {
  query: Q;
  onChange: (update: (q: Q) => Q) => void;
  regionPlaceholder: string;
  exportFile: (query: Q) => Promise<DownloadedFile>;
  /** The file name when the server does not name it. */
  fileName: string;
}) {
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);

  const exportExcel = async () => {
    setExporting(true);
    try {
      const file = await exportFile(query);
      saveBlob(file.blob, file.filename ?? fileName);
      void message.success('已导出');
    } catch {
      // Shown by the API client.
    } finally {
      setExporting(false);
    }
  };

  const onMonths = (range: [Dayjs | null, Dayjs | null] | null) => {
    if (!range?.[0] || !range[1]) return;
    onChange((q) => ({ ...q, fromMonth: range[0]!.format('YYYY-MM'), toMonth: range[1]!.format('YYYY-MM') }));
  };

  return (
    <ProCard style={{ marginBottom: 16 }}>
      <Form layout="inline" className="xq-stats-filters">
        <Form.Item label="区域">
          <RegionTreeSelect
            style={{ width: 240 }}
            placeholder={regionPlaceholder}
            value={query.regionId}
            onChange={(regionId?: number) => onChange((q) => ({ ...q, regionId }))}
          />
        </Form.Item>
        <Form.Item label="月份">
          <DatePicker.RangePicker
            picker="month"
            allowClear={false}
            value={[dayjs(`${query.fromMonth}-01`), dayjs(`${query.toMonth}-01`)]}
            onChange={onMonths}
          />
        </Form.Item>
        <Form.Item>
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportExcel()}>
            导出 Excel
          </Button>
        </Form.Item>
      </Form>
    </ProCard>
  );
}
