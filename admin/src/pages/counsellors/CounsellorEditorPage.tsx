import { useMemo } from 'react';
import { FooterToolbar, PageContainer, ProCard, ProForm, ProFormSelect, ProFormSwitch, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { Alert, Button, Checkbox, Form, Space, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { COUNSELLOR_SPECIALTY_LABELS, SESSION_MODE_LABELS, type AdminCounsellor, type CounsellorInput } from '@xinqiao/shared';
import { counsellorsApi } from '../../api/counsellors';
import { useStaff } from '../../auth/SessionContext';
import { CoverUpload } from '../../components/CoverUpload';
import { FormProblems } from '../../components/FormProblems';
import { ItemGate, itemPending, useItemEditor } from '../../components/ItemEditor';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { formatDateTime } from '../../utils/format';
import { labelOptions } from '../../utils/proTable';
import { useStationOptions } from '../bookings/lookups';
import { AccountSelect } from './AccountSelect';
import { AvailabilityEditor } from './AvailabilityEditor';
import {
  CONSENT_LABEL,
  consentRecordText,
  counsellorFormProblems,
  counsellorToForm,
  emptyCounsellorForm,
  toCounsellorInput,
  type CounsellorFormValues,
} from './counsellorForm';
import { StationSelect } from './StationSelect';

const LANGUAGE_OPTIONS = ['普通话', '重庆话', '四川话', '粤语', '英语', '手语'].map((l) => ({ label: l, value: l }));

/** Create or edit a counsellor profile; `/counsellors/new` and `/counsellors/:id`. */
export default function CounsellorEditorPage() {
  const { id: idParam } = useParams();
  const id = idParam ? Number(idParam) : null;
  const staff = useStaff();
  const navigate = useNavigate();
  const editor = useItemEditor<AdminCounsellor, CounsellorFormValues, CounsellorInput>({
    id,
    load: (counsellorId) => counsellorsApi.get(counsellorId, { silent: true }),
    create: (input) => counsellorsApi.create(input),
    update: (counsellorId, input) => counsellorsApi.update(counsellorId, input),
    failMessage: '咨询师信息加载失败',
    toForm: counsellorToForm,
    emptyForm: () => emptyCounsellorForm(staff.regionId),
    problemsOf: counsellorFormProblems,
    toInput: toCounsellorInput,
    savedMessage: (saved) => (saved.published ? '已保存并公开' : '已保存'),
    urlOf: (counsellorId) => `/counsellors/${counsellorId}`,
  });
  const { form, item: counsellor } = editor;
  const published = Form.useWatch('published', form) as boolean | undefined;
  const stationOptions = useStationOptions(staff);
  const stationNames = useMemo(() => new Map(stationOptions.map((o) => [o.value, o.label])), [stationOptions]);

  if (itemPending(id, editor.loaded)) return <ItemGate id={id} loaded={editor.loaded} back={{ label: '返回咨询师列表', url: '/counsellors' }} />;
  const consentRecord = counsellor ? consentRecordText(counsellor) : null;

  return (
    <PageContainer
      title={counsellor ? `编辑咨询师：${counsellor.name}` : '添加咨询师'}
      onBack={() => navigate('/counsellors')}
      subTitle={counsellor ? `更新于 ${formatDateTime(counsellor.updatedAt)}` : undefined}
    >
      <FormProblems title="咨询师信息还不能保存" problems={editor.problems} onClose={editor.clearProblems} />
      <ProForm<CounsellorFormValues>
        form={form}
        name="counsellor"
        layout="vertical"
        submitter={false}
        initialValues={editor.initialValues}
        onValuesChange={() => editor.problems.length && editor.clearProblems()}
      >
        <ProCard title="资质信息" style={{ marginBottom: 16 }}>
          <Space size="large" wrap align="start">
            <ProFormText
              name="name"
              label="姓名"
              width="sm"
              fieldProps={{ maxLength: 32 }}
              rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
            />
            <ProFormText
              name="qualification"
              label="资质"
              width="md"
              placeholder="如：国家二级心理咨询师、心理治疗师"
              fieldProps={{ maxLength: 100 }}
              rules={[{ required: true, whitespace: true, message: '请输入资质' }]}
            />
            <ProFormText name="title" label="职称" width="sm" placeholder="如：副主任医师（可选）" fieldProps={{ maxLength: 64 }} />
            <ProFormText name="certificateNo" label="证书编号" width="sm" placeholder="本人同意公示时填写" fieldProps={{ maxLength: 64 }} />
          </Space>
          <Form.Item name="photoUrl" label="照片" extra="支持 JPG、PNG、WebP、GIF，不超过 5 MB">
            <CoverUpload label="照片" />
          </Form.Item>
          <ProFormSelect name="specialties" label="擅长领域" mode="multiple" options={labelOptions(COUNSELLOR_SPECIALTY_LABELS)} placeholder="可多选" />
          <Space size="large" wrap align="start">
            <ProFormSelect
              name="languages"
              label="语言"
              width="md"
              mode="tags"
              options={LANGUAGE_OPTIONS}
              placeholder="可选择或输入"
              fieldProps={{ maxCount: 10 }}
            />
            <Form.Item name="modes" label="咨询方式" rules={[{ required: true, message: '请至少选择一种咨询方式' }]}>
              <Checkbox.Group options={labelOptions(SESSION_MODE_LABELS)} />
            </Form.Item>
          </Space>
          <ProFormTextArea name="bio" label="个人简介" fieldProps={{ maxLength: 2000, showCount: true, autoSize: { minRows: 3, maxRows: 8 } }} />
        </ProCard>

        <ProCard title="服务与账号" style={{ marginBottom: 16 }}>
          <Form.Item name="regionId" label="所属区域" rules={[{ required: true, message: '请选择所属区域' }]}>
            <RegionTreeSelect allowClear={false} style={{ width: 320 }} />
          </Form.Item>
          <Form.Item name="stationIds" label="服务站点" extra="居民在站点详情中可以看到在此服务的咨询师">
            <StationSelect mode="multiple" style={{ maxWidth: 640 }} />
          </Form.Item>
          <Form.Item
            name="staffId"
            label="关联账号"
            extra="关联后，该咨询师登录管理后台即可处理自己的预约；一个账号只能关联一份咨询师信息。没有账号的咨询师可不关联。"
          >
            <AccountSelect counsellorId={counsellor?.id ?? null} currentName={counsellor?.staffName ?? null} />
          </Form.Item>
        </ProCard>

        <ProCard title="公开" style={{ marginBottom: 16 }}>
          <ProFormSwitch name="published" label="在小程序中公开" checkedChildren="公开" unCheckedChildren="不公开" />
          {published ? (
            <Form.Item name="publishConsent" valuePropName="checked" extra="公开前请取得咨询师本人的同意（可书面或电子签署）；系统会记录确认的时间和确认人。">
              <Checkbox>{CONSENT_LABEL}</Checkbox>
            </Form.Item>
          ) : null}
          {consentRecord ? (
            <Typography.Paragraph type="secondary" data-testid="consent-record">
              本人同意记录：{consentRecord}
              {counsellor && !counsellor.published ? '（目前未公开；再次公开需重新确认）' : ''}
            </Typography.Paragraph>
          ) : null}
          {!published ? <Alert type="info" showIcon message="未公开的咨询师信息只在管理后台可见。" /> : null}
        </ProCard>
      </ProForm>

      {counsellor ? (
        <div id="availability">
          <AvailabilityEditor counsellor={counsellor} stationNames={stationNames} />
        </div>
      ) : (
        <Alert type="info" showIcon message="保存咨询师信息后可设置可预约时间。" style={{ marginBottom: 64 }} />
      )}

      <FooterToolbar>
        <Space>
          <Button onClick={() => navigate('/counsellors')}>返回</Button>
          <Button type="primary" loading={editor.saving} onClick={() => void editor.save()}>
            保存
          </Button>
        </Space>
      </FooterToolbar>
    </PageContainer>
  );
}
