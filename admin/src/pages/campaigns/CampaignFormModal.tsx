import { useEffect, useState, type ReactElement } from 'react';
import { ModalForm, ProForm, ProFormDigit, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { App, DatePicker, Form, Select, TreeSelect } from 'antd';
import { QUIZ_KIND_LABELS, QUIZ_STATUS_LABELS, hasPermission, type AdminQuiz, type CampaignDto } from '@xinqiao/shared';
import { campaignsApi } from '../../api/campaigns';
import { quizzesApi } from '../../api/quizzes';
import { useStaff } from '../../auth/SessionContext';
import { allows } from '../../auth/permissions';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { withFreshForm, type FreshFormProps } from '../../components/freshForm';
import { useOpenSnapshot } from '../../hooks/useOpenSnapshot';
import { useRegions } from '../../hooks/useRegions';
import { ArticlePicker } from './ArticlePicker';
import { campaignToForm, emptyCampaignForm, toCampaignInput, type CampaignFormValues } from './campaignForm';

interface Props {
  trigger: ReactElement;
  onDone(campaign: CampaignDto): void;
  /** Edit this campaign; create a new one when absent. */
  campaign?: CampaignDto;
}

function CampaignFormModalBody({ trigger, onDone, campaign: current, afterClose }: Props & FreshFormProps) {
  const me = useStaff();
  const { message } = App.useApp();
  const { treeSelectData } = useRegions();
  const [campaign, snapshot] = useOpenSnapshot(current);
  const [open, setOpen] = useState(false);
  const [quizzes, setQuizzes] = useState<AdminQuiz[]>([]);
  const [form] = Form.useForm<CampaignFormValues>();
  const canPickArticles = hasPermission(me.role, 'articles.edit');
  const canPickQuizzes = allows(me.role, ['quizzes.manage', 'awareness.read']);

  useEffect(() => {
    if (open && canPickQuizzes) quizzesApi.options({}, { silent: true }).then(setQuizzes, () => undefined);
  }, [open, canPickQuizzes]);

  const onFinish = async (v: CampaignFormValues) => {
    const input = toCampaignInput(v);
    let saved: CampaignDto;
    try {
      saved = campaign ? await campaignsApi.update(campaign.id, input) : await campaignsApi.create(input);
    } catch {
      return false;
    }
    void message.success(campaign ? '宣传活动已更新' : '宣传活动已创建');
    onDone(saved);
    return true;
  };

  const linkedQuizIds: number[] = campaign?.quizIds ?? [];
  const quizOptions = quizzes.map((q) => ({ value: q.id, label: `${q.title}（${QUIZ_KIND_LABELS[q.kind]} · ${QUIZ_STATUS_LABELS[q.status]}）` }));
  for (const qid of linkedQuizIds) if (!quizzes.some((q) => q.id === qid)) quizOptions.push({ value: qid, label: `测验 #${qid}` });

  return (
    <ModalForm<CampaignFormValues>
      name="campaign"
      form={form}
      title={campaign ? `编辑宣传活动：${campaign.title}` : '新建宣传活动'}
      trigger={trigger}
      width={760}
      layout="vertical"
      modalProps={{ destroyOnHidden: true, afterClose }}
      // Keep the picked dates as dayjs: ProForm would otherwise turn them into strings before onFinish.
      dateFormatter={false}
      onOpenChange={(o) => {
        snapshot(o);
        setOpen(o);
      }}
      submitter={{ searchConfig: { submitText: '保存', resetText: '取消' } }}
      initialValues={campaign ? campaignToForm(campaign) : emptyCampaignForm(me.regionId)}
      onFinish={onFinish}
    >
      <ProFormText
        name="title"
        label="名称"
        placeholder="如：2026 年“5·25”心理健康宣传月"
        fieldProps={{ maxLength: 100, showCount: true }}
        rules={[{ required: true, whitespace: true, message: '请输入名称' }]}
      />
      <ProFormTextArea
        name="description"
        label="简介"
        placeholder="活动内容、形式，居民在小程序中可以看到"
        fieldProps={{ maxLength: 1000, showCount: true, autoSize: { minRows: 2, maxRows: 5 } }}
      />
      <ProForm.Group>
        <Form.Item name="range" label="活动时间" rules={[{ required: true, message: '请选择活动的起止日期' }]} extra="含起止当天">
          <DatePicker.RangePicker format="YYYY-MM-DD" placeholder={['开始日期', '结束日期']} />
        </Form.Item>
        <Form.Item name="regionId" label="主办区域" rules={[{ required: true, message: '请选择主办区域' }]}>
          <RegionTreeSelect allowClear={false} style={{ width: 240 }} />
        </Form.Item>
      </ProForm.Group>
      <Form.Item name="regionIds" label="覆盖区域" extra="须在主办区域范围内；不选则覆盖整个主办区域">
        <TreeSelect<number[]>
          multiple
          showSearch
          allowClear
          treeDefaultExpandAll
          treeNodeFilterProp="title"
          placeholder="可选择多个区域"
          treeData={treeSelectData}
          popupMatchSelectWidth={false}
        />
      </Form.Item>
      <ProForm.Group title="活动目标（不设的目标留空）">
        <ProFormDigit name="awarenessRatePercent" label="知晓率" width="xs" min={0} max={100} fieldProps={{ precision: 1, addonAfter: '%' }} />
        <ProFormDigit name="eventsHeld" label="举办活动（场）" width="xs" min={0} max={100000} fieldProps={{ precision: 0 }} />
        <ProFormDigit name="participants" label="参与人次" width="xs" min={0} max={10000000} fieldProps={{ precision: 0 }} />
        <ProFormDigit name="articleReads" label="科普阅读量" width="xs" min={0} max={100000000} fieldProps={{ precision: 0 }} />
      </ProForm.Group>
      <Form.Item
        name="articleIds"
        label="关联科普文章"
        extra={canPickArticles ? '活动期间在小程序的活动页展示' : '当前账号无权查看文章列表，请由内容编辑或区域管理员关联'}
      >
        <ArticlePicker disabled={!canPickArticles} />
      </Form.Item>
      <Form.Item
        name="quizIds"
        label="关联测验"
        extra={canPickQuizzes ? '知识竞答、前后测等，居民可从活动页进入作答' : '当前账号无权查看测验列表，请由内容编辑或区域管理员关联'}
      >
        <Select<number[]>
          mode="multiple"
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="请选择测验"
          options={quizOptions}
          disabled={!canPickQuizzes}
        />
      </Form.Item>
    </ModalForm>
  );
}

/** Create or edit a campaign; every opening starts from the campaign as loaded. */
export const CampaignFormModal = withFreshForm(CampaignFormModalBody);
