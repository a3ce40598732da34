import { useMemo } from 'react';
import {
  FooterToolbar,
  PageContainer,
  ProCard,
  ProForm,
  ProFormDigit,
  ProFormSelect,
  ProFormSwitch,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { Alert, Button, Checkbox, Descriptions, Form, Space, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import {
  STATION_SERVICE_LABELS,
  STATION_TYPE_LABELS,
  WEEKDAY_LABELS,
  weeklyOpenHours,
  type AdminStation,
  type StationInput,
  type StationType,
} from '@xinqiao/shared';
import { stationsApi } from '../../api/stations';
import { useStaff } from '../../auth/SessionContext';
import { CoverUpload } from '../../components/CoverUpload';
import { FormProblems } from '../../components/FormProblems';
import { ItemGate, itemPending, useItemEditor } from '../../components/ItemEditor';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { formatDateTime } from '../../utils/format';
import { labelOptions } from '../../utils/proTable';
import { ExceptionsCard } from './ExceptionsCard';
import {
  emptyStationForm,
  formToWeekly,
  stationFormProblems,
  stationToForm,
  toStationInput,
  type StationFormValues,
  type WeeklyFormValue,
} from './stationForm';
import { minimumHoursWarning, openStatusText, WEEKDAYS } from './stationHours';
import { TimeRangesField } from './TimeRangesField';

/** Create or edit a station; `/stations/new` and `/stations/:id`. */
export default function StationEditorPage() {
  const { id: idParam } = useParams();
  const id = idParam ? Number(idParam) : null;
  const staff = useStaff();
  const navigate = useNavigate();
  const editor = useItemEditor<AdminStation, StationFormValues, StationInput>({
    id,
    load: (stationId) => stationsApi.get(stationId, { silent: true }),
    create: (input) => stationsApi.create(input),
    update: (stationId, input) => stationsApi.update(stationId, input),
    failMessage: '站点加载失败',
    toForm: stationToForm,
    emptyForm: () => emptyStationForm(staff.regionId),
    problemsOf: stationFormProblems,
    toInput: toStationInput,
    savedMessage: () => '站点已保存',
    urlOf: (stationId) => `/stations/${stationId}`,
  });
  const { form, item: station } = editor;

  const type = Form.useWatch('type', form) as StationType | undefined;
  const weekly = Form.useWatch('weekly', form) as WeeklyFormValue | undefined;
  const week = useMemo(() => formToWeekly(weekly ?? {}), [weekly]);
  const warning = type ? minimumHoursWarning(type, week) : null;

  if (itemPending(id, editor.loaded)) return <ItemGate id={id} loaded={editor.loaded} back={{ label: '返回站点列表', url: '/stations' }} />;

  return (
    <PageContainer
      title={station ? `编辑站点：${station.name}` : '新建站点'}
      onBack={() => navigate('/stations')}
      subTitle={station ? `${openStatusText(station)} · 更新于 ${formatDateTime(station.updatedAt)}` : undefined}
    >
      <FormProblems title="站点还不能保存" problems={editor.problems} onClose={editor.clearProblems} />
      <ProForm<StationFormValues>
        form={form}
        name="station"
        layout="vertical"
        submitter={false}
        initialValues={editor.initialValues}
        onValuesChange={() => editor.problems.length && editor.clearProblems()}
      >
        <ProCard title="基本信息" style={{ marginBottom: 16 }}>
          <Space size="large" wrap align="start">
            <ProFormText
              name="name"
              label="站点名称"
              width="lg"
              placeholder="如：胜利路街道心理服务站"
              fieldProps={{ maxLength: 100 }}
              rules={[{ required: true, whitespace: true, message: '请输入站点名称' }]}
            />
            <ProFormSelect
              name="type"
              label="站点类型"
              width="sm"
              options={labelOptions(STATION_TYPE_LABELS)}
              allowClear={false}
              rules={[{ required: true, message: '请选择站点类型' }]}
              extra="精神卫生中心、综合医院作为转介机构展示，不接受预约"
            />
          </Space>
          <Form.Item name="regionId" label="所属区域" rules={[{ required: true, message: '请选择所属区域' }]}>
            <RegionTreeSelect allowClear={false} style={{ width: 320 }} />
          </Form.Item>
          <Space size="large" wrap align="start">
            <ProFormText
              name="address"
              label="地址"
              width="xl"
              placeholder="如：永川区萱花路 20 号街道综治中心一楼"
              fieldProps={{ maxLength: 200 }}
              rules={[{ required: true, whitespace: true, message: '请输入地址' }]}
            />
            <ProFormText
              name="phone"
              label="联系电话"
              width="sm"
              placeholder="如：023-49881234"
              fieldProps={{ maxLength: 32, inputMode: 'tel' }}
              extra="居民可在小程序中一键拨打"
            />
          </Space>
          <Form.Item name="services" label="服务项目">
            <Checkbox.Group options={labelOptions(STATION_SERVICE_LABELS)} />
          </Form.Item>
          <ProFormText name="accessibility" label="无障碍信息" placeholder="如：一楼，入口设无障碍坡道；可预约手语服务" fieldProps={{ maxLength: 500 }} />
          <ProFormTextArea name="description" label="站点介绍" fieldProps={{ maxLength: 5000, showCount: true, autoSize: { minRows: 3, maxRows: 10 } }} />
          <Form.Item name="photoUrl" label="站点照片" extra="支持 JPG、PNG、WebP、GIF，不超过 5 MB">
            <CoverUpload label="照片" />
          </Form.Item>
          <ProFormSwitch name="published" label="在小程序中公开" checkedChildren="公开" unCheckedChildren="不公开" />
        </ProCard>

        <ProCard title="地图位置" style={{ marginBottom: 16 }}>
          <Space size="large" wrap align="start">
            <ProFormDigit name="lat" label="纬度" width="sm" min={-90} max={90} fieldProps={{ precision: 6 }} placeholder="如 29.355800" />
            <ProFormDigit name="lng" label="经度" width="sm" min={-180} max={180} fieldProps={{ precision: 6 }} placeholder="如 105.926500" />
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
            坐标须为
            GCJ-02（国测局坐标，微信和腾讯地图使用的坐标系），可用腾讯地图坐标拾取器获取；填写后居民可按距离查找站点并导航前往。不填则不参与“离我最近”排序。
          </Typography.Paragraph>
        </ProCard>

        <ProCard title="每周开放时间" subTitle={`共 ${weeklyOpenHours(week)} 小时`} style={{ marginBottom: 16 }}>
          {warning ? (
            <Alert type="warning" showIcon className="xq-form-alert" message={warning} description="可以保存，但请尽快调整开放时间以达到建设标准。" />
          ) : null}
          <Descriptions column={1} size="small" bordered labelStyle={{ width: 80 }}>
            {WEEKDAYS.map((d) => (
              <Descriptions.Item key={d} label={WEEKDAY_LABELS[d]}>
                <TimeRangesField name={['weekly', String(d)]} emptyText="休息" next={{ start: '09:00', end: '12:00' }} />
              </Descriptions.Item>
            ))}
          </Descriptions>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            法定节假日自动闭站、调休上班日按对应工作日开放（见“节假日安排”）；个别日期的调整请在下方“例外安排”中设置。
          </Typography.Paragraph>
        </ProCard>
      </ProForm>

      {station ? (
        <ExceptionsCard stationId={station.id} />
      ) : (
        <Alert type="info" showIcon message="保存站点后可设置例外安排（某天闭站或调整开放时间）。" style={{ marginBottom: 64 }} />
      )}

      <FooterToolbar>
        <Space>
          <Button onClick={() => navigate('/stations')}>返回</Button>
          <Button type="primary" loading={editor.saving} onClick={() => void editor.save()}>
            保存
          </Button>
        </Space>
      </FooterToolbar>
    </PageContainer>
  );
}
