import {
  FooterToolbar,
  PageContainer,
  ProCard,
  ProForm,
  ProFormDigit,
  ProFormRadio,
  ProFormSelect,
  ProFormSwitch,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { Alert, Button, Checkbox, DatePicker, Form, Input, Result, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { EVENT_KIND_LABELS, PLACE_TYPE_LABELS, POPULATION_GROUP_LABELS, REGISTRATION_FIELD_LABELS, type EventKind, type PlaceType } from '@xinqiao/shared';
import { CoverUpload } from '../../components/CoverUpload';
import { FormProblems } from '../../components/FormProblems';
import { NotAllowed } from '../../components/NotAllowed';
import { PageLoading } from '../../components/PageLoading';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { formatDateTime } from '../../utils/format';
import { labelOptions } from '../../utils/proTable';
import { EventStatusTag } from './EventStatusTag';
import type { EventFormValues } from './eventForm';
import { HostUnitSelect } from './HostUnitSelect';
import { useEventEditor } from './useEventEditor';

const KIND_HINTS: Record<EventKind, string> = {
  lecture: '讲座计入每年的“六进”讲座指标',
  activity: '团体辅导、义诊咨询等活动，统计但不计入讲座指标',
};

const DATE_TIME = { showTime: { format: 'HH:mm' }, format: 'YYYY-MM-DD HH:mm' } as const;

/** Create or edit an event; `/events/new` and `/events/:id/edit`. */
export default function EventEditorPage() {
  const { id: idParam } = useParams();
  const id = idParam ? Number(idParam) : null;
  const navigate = useNavigate();
  const {
    form,
    event,
    loadError,
    initialValues,
    editable,
    busy,
    problems,
    clearProblems,
    save,
    canListQuizzes,
    canListCampaigns,
    quizOptions,
    campaignOptions,
    backPath,
  } = useEventEditor(id);

  const placeType = Form.useWatch('placeType', form) as PlaceType | undefined;
  const regionId = Form.useWatch('regionId', form) as number | undefined;
  const kind = Form.useWatch('kind', form) as EventKind | undefined;
  const waitlistEnabled = Form.useWatch('waitlistEnabled', form) as boolean | undefined;

  if (id !== null && Number.isNaN(id)) return <NotAllowed status={404} />;
  if (loadError) {
    return (
      <Result
        status={loadError.status === 404 ? '404' : 'warning'}
        title={loadError.message}
        extra={<Button onClick={() => navigate('/events')}>返回活动列表</Button>}
      />
    );
  }
  if (id !== null && !event) return <PageLoading />;

  const published = event?.status === 'published';

  return (
    <PageContainer
      title={id === null ? '新建活动' : editable ? '编辑活动' : '活动信息'}
      onBack={() => navigate(backPath)}
      tags={event ? <EventStatusTag status={event.status} /> : undefined}
      subTitle={event ? `创建人 ${event.createdByName} · 更新于 ${formatDateTime(event.updatedAt)}` : undefined}
      className="event-editor"
    >
      <FormProblems title="活动还不能保存" problems={problems} onClose={clearProblems} />
      {!editable ? <Alert type="info" showIcon className="xq-form-alert" message="活动已结束或已取消，不能再修改。" /> : null}
      {published ? (
        <Alert
          type="info"
          showIcon
          className="xq-form-alert"
          message="活动已发布：修改时间或地点后，已报名和候补的居民会收到变更通知；名额不能少于已占用的名额。"
        />
      ) : null}

      <ProForm<EventFormValues>
        form={form}
        name="event"
        layout="vertical"
        submitter={false}
        disabled={!editable}
        initialValues={initialValues}
        onValuesChange={() => problems.length && clearProblems()}
      >
        <ProCard title="基本信息" style={{ marginBottom: 16 }}>
          <ProFormText
            name="title"
            label="活动名称"
            placeholder="如：心理健康知识进社区——老年人情绪调适讲座"
            fieldProps={{ maxLength: 100, showCount: true }}
            rules={[{ required: true, whitespace: true, message: '请输入活动名称' }]}
          />
          <Space size="large" wrap align="start">
            <ProFormRadio.Group
              name="kind"
              label="活动形式"
              radioType="button"
              options={labelOptions(EVENT_KIND_LABELS)}
              extra={kind ? KIND_HINTS[kind] : undefined}
            />
            <ProFormSelect
              name="placeType"
              label="场所类型（六进）"
              width="sm"
              placeholder="请选择"
              options={labelOptions(PLACE_TYPE_LABELS)}
              rules={[{ required: true, message: '请选择场所类型' }]}
            />
          </Space>
          <Form.Item name="hostUnitId" label="承办单位" extra="机关、企业、学校等单位的讲座计入该单位的年度指标">
            <HostUnitSelect
              currentName={event?.hostUnitName}
              defaults={{ placeType, regionId }}
              onChange={(_, unit) => {
                // Form.Item has stored the id; a unit's own place type is the usual choice, unless one is picked.
                if (unit && !form.getFieldValue('placeType')) form.setFieldValue('placeType', unit.placeType);
              }}
            />
          </Form.Item>
          <Form.Item
            name="regionId"
            label="所在区域"
            rules={[{ required: true, message: '请选择所在区域' }]}
            extra="该区域及其下级区域的居民会在小程序中看到这场活动"
          >
            <RegionTreeSelect allowClear={false} style={{ width: 320 }} />
          </Form.Item>
          <ProFormSelect
            name="audiences"
            label="面向人群"
            mode="multiple"
            placeholder="不选表示面向全体居民"
            options={labelOptions(POPULATION_GROUP_LABELS)}
            fieldProps={{ allowClear: true }}
          />
          <Form.Item name="coverUrl" label="封面" extra="支持 JPG、PNG、WebP、GIF，不超过 5 MB">
            <CoverUpload />
          </Form.Item>
          <ProFormTextArea
            name="description"
            label="活动介绍"
            placeholder="活动内容、适合人群、注意事项等"
            fieldProps={{ maxLength: 20000, showCount: true, autoSize: { minRows: 4, maxRows: 12 } }}
          />
        </ProCard>

        <ProCard title="时间与地点" style={{ marginBottom: 16 }}>
          <Form.Item name="time" label="活动时间" rules={[{ required: true, message: '请设置活动的开始和结束时间' }]}>
            <DatePicker.RangePicker {...DATE_TIME} placeholder={['开始时间', '结束时间']} />
          </Form.Item>
          <Space size="large" wrap align="start">
            <ProFormText
              name="venueName"
              label="场地名称"
              width="md"
              placeholder="如：萱花社区党群服务中心二楼"
              fieldProps={{ maxLength: 100 }}
              rules={[{ required: true, whitespace: true, message: '请输入场地名称' }]}
            />
            <ProFormText
              name="venueAddress"
              label="详细地址"
              width="lg"
              placeholder="如：永川区萱花路 1 号"
              fieldProps={{ maxLength: 200 }}
              rules={[{ required: true, whitespace: true, message: '请输入详细地址' }]}
            />
          </Space>
          <Space size="large" wrap align="start">
            <ProFormDigit name="lat" label="地图位置：纬度" width="sm" min={-90} max={90} fieldProps={{ precision: 6 }} placeholder="可选，如 29.356" />
            <ProFormDigit name="lng" label="经度" width="sm" min={-180} max={180} fieldProps={{ precision: 6 }} placeholder="可选，如 105.927" />
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
            填写后居民可在小程序中打开地图导航。请使用腾讯地图坐标拾取器（GCJ-02 坐标）获取。
          </Typography.Paragraph>
        </ProCard>

        <ProCard title="报名设置" style={{ marginBottom: 16 }}>
          <Space size="large" wrap align="start">
            <ProFormDigit
              name="capacity"
              label="名额"
              width="xs"
              min={1}
              max={100000}
              fieldProps={{ precision: 0 }}
              rules={[{ required: true, message: '请填写名额' }]}
            />
            <ProFormSwitch name="waitlistEnabled" label="名额满后开放候补" checkedChildren="开" unCheckedChildren="关" />
            {waitlistEnabled ? (
              <ProFormDigit
                name="offerHours"
                label="候补确认时限（小时）"
                width="xs"
                min={1}
                max={168}
                fieldProps={{ precision: 0 }}
                placeholder="默认"
                extra="有人取消时，名额为候补者保留的时长；不填使用系统默认"
              />
            ) : null}
          </Space>
          <Space size="large" wrap align="start">
            <Form.Item name="signupOpensAt" label="报名开始时间" extra="不填则发布后即可报名">
              <DatePicker {...DATE_TIME} placeholder="发布即开始" />
            </Form.Item>
            <Form.Item name="signupClosesAt" label="报名截止时间" extra="不填则截止到活动开始">
              <DatePicker {...DATE_TIME} placeholder="活动开始时" />
            </Form.Item>
            <Form.Item name="cancelClosesAt" label="取消报名截止时间" extra="之后不能再取消报名；不填则活动开始前均可取消">
              <DatePicker {...DATE_TIME} placeholder="活动开始时" />
            </Form.Item>
          </Space>
          <Form.Item
            name="requiredFields"
            label="报名需填写的信息"
            extra="只勾选活动确实需要的信息：不勾选时居民无需填写个人信息即可报名；勾选后居民会在单独同意后填写"
          >
            <Checkbox.Group options={labelOptions(REGISTRATION_FIELD_LABELS)} />
          </Form.Item>
        </ProCard>

        <ProCard title="主讲人" style={{ marginBottom: 16 }}>
          <Form.List name="speakers">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Space key={field.key} align="start" wrap className="event-speaker">
                    <Form.Item
                      name={[field.name, 'name']}
                      label={index === 0 ? '姓名' : undefined}
                      rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
                    >
                      <Input placeholder="姓名" maxLength={32} style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'title']} label={index === 0 ? '职称' : undefined}>
                      <Input placeholder="如：国家二级心理咨询师" maxLength={64} style={{ width: 220 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'bio']} label={index === 0 ? '简介' : undefined}>
                      <Input.TextArea placeholder="简介（可选）" maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} style={{ width: 320 }} />
                    </Form.Item>
                    <Button aria-label="删除主讲人" icon={<DeleteOutlined />} onClick={() => remove(field.name)} style={{ marginTop: index === 0 ? 30 : 0 }} />
                  </Space>
                ))}
                {fields.length < 20 ? (
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', title: '', bio: '' })}>
                    添加主讲人
                  </Button>
                ) : null}
              </>
            )}
          </Form.List>
        </ProCard>

        <ProCard title="关联" style={{ marginBottom: 64 }}>
          <Form.Item
            name="quizId"
            label="活动前后测"
            extra={canListQuizzes ? '居民可在活动页完成关联的测验，用于评估活动效果' : '当前账号无权查看测验列表，请由区域管理员关联'}
          >
            <Select
              allowClear
              placeholder="不关联"
              style={{ width: 480 }}
              options={quizOptions}
              showSearch
              optionFilterProp="label"
              disabled={!editable || !canListQuizzes}
            />
          </Form.Item>
          <Form.Item name="campaignId" label="所属宣传活动" extra={canListCampaigns ? '计入该宣传活动的举办场次和参与人次' : '当前账号无权查看宣传活动列表'}>
            <Select
              allowClear
              placeholder="不关联"
              style={{ width: 480 }}
              options={campaignOptions}
              showSearch
              optionFilterProp="label"
              disabled={!editable || !canListCampaigns}
            />
          </Form.Item>
        </ProCard>
      </ProForm>

      <FooterToolbar>
        <Space>
          <Button onClick={() => navigate(backPath)}>{editable ? '取消' : '返回'}</Button>
          {editable ? (
            <Button type={published ? 'primary' : 'default'} loading={busy === 'save'} disabled={busy !== null} onClick={() => void save(false)}>
              {published ? '保存修改' : '保存草稿'}
            </Button>
          ) : null}
          {editable && !published ? (
            <Button type="primary" loading={busy === 'publish'} disabled={busy !== null} onClick={() => void save(true)}>
              保存并发布
            </Button>
          ) : null}
        </Space>
      </FooterToolbar>
    </PageContainer>
  );
}
