import {
  FooterToolbar,
  PageContainer,
  ProCard,
  ProForm,
  ProFormDigit,
  ProFormRadio,
  ProFormSwitch,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { Alert, Button, DatePicker, Form, Result, Select, Space, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { QUIZ_KIND_LABELS, QUIZ_RULE_MESSAGES, type QuizKind } from '@xinqiao/shared';
import { FormProblems } from '../../components/FormProblems';
import { NotAllowed } from '../../components/NotAllowed';
import { PageLoading } from '../../components/PageLoading';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { formatDateTime } from '../../utils/format';
import { labelOptions } from '../../utils/proTable';
import { FixedQuestionPicker } from './FixedQuestionPicker';
import { QuizLinkText } from './QuizLink';
import { QuizStatusTag } from './QuizStatusTag';
import { RandomDrawEditor } from './RandomDrawEditor';
import {
  buildDrawSpec,
  drawQuestionCount,
  DRAW_MODE_LABELS,
  MULTIPLE_CHOICE_LABELS,
  percentToShare,
  questionsPerPoint,
  scoreSummary,
  type QuizFormValues,
} from './quizForm';
import { useQuizEditor } from './useQuizEditor';

const KIND_HINTS: Record<QuizKind, string> = {
  survey: '用于统计知晓率：每位居民只能作答一次，需填写所在社区、人群、年龄段和性别',
  practice: '居民随时练习，答完即可看到解析，不计入知晓率',
  pre_test: '活动开始前作答，与后测对比评估活动效果',
  post_test: '活动结束后作答；指定对应的前测后，可对同一居民的前后成绩配对分析',
};

/** Create, edit or view a quiz; `/quizzes/new` and `/quizzes/:id`. */
export default function QuizEditorPage() {
  const { id: idParam } = useParams();
  const id = idParam ? Number(idParam) : null;
  const navigate = useNavigate();
  const {
    form,
    quiz,
    loadError,
    initialValues,
    canManage,
    canListCampaigns,
    owned,
    editable,
    frozen,
    bank,
    bankLoaded,
    campaigns,
    preTests,
    busy,
    problems,
    clearProblems,
    save,
    close,
  } = useQuizEditor(id);

  const kind = Form.useWatch('kind', form) as QuizKind | undefined;
  const drawMode = Form.useWatch('drawMode', form) as QuizFormValues['drawMode'] | undefined;
  const questionIds = Form.useWatch('questionIds', form) as string[] | undefined;
  const perPoint = Form.useWatch('perPoint', form) as QuizFormValues['perPoint'] | undefined;
  const pointsPerItem = Form.useWatch('pointsPerItem', form) as number | undefined;
  const passMarkPercent = Form.useWatch('passMarkPercent', form) as number | undefined;
  const campaignId = Form.useWatch('campaignId', form) as number | null | undefined;

  if (id !== null && Number.isNaN(id)) return <NotAllowed status={404} />;
  if (id === null && !canManage) return <NotAllowed status={403} />;
  if (loadError) return <Result status="warning" title={loadError.message} extra={<Button onClick={() => navigate('/quizzes')}>返回列表</Button>} />;
  if (id !== null && !quiz) return <PageLoading />;

  const spec = buildDrawSpec({ drawMode: drawMode ?? 'fixed', questionIds: questionIds ?? [], perPoint: perPoint ?? {}, shuffle: false });
  const count = frozen && quiz ? quiz.questionCodes.length : drawQuestionCount(spec);
  const available = bankLoaded && canManage ? questionsPerPoint(bank) : null;
  const campaignOptions = campaigns.map((c) => ({ value: c.id, label: `${c.title}（${c.startsOn} 至 ${c.endsOn}）` }));
  if (campaignId && !campaigns.some((c) => c.id === campaignId)) campaignOptions.unshift({ value: campaignId, label: `宣传活动 #${campaignId}` });
  const preTestOptions = preTests
    .filter((q) => q.id !== quiz?.id && (!campaignId || !q.campaignId || q.campaignId === campaignId))
    .map((q) => ({ value: q.id, label: q.title }));

  return (
    <PageContainer
      title={id === null ? '新建测验' : editable ? '编辑测验' : '测验详情'}
      onBack={() => navigate('/quizzes')}
      tags={quiz ? <QuizStatusTag status={quiz.status} /> : undefined}
      subTitle={
        quiz ? (
          <span>
            答题人数 <span data-testid="quiz-editor-respondents">{quiz.respondents.toLocaleString('zh-CN')}</span> · 更新于 {formatDateTime(quiz.updatedAt)}
          </span>
        ) : undefined
      }
      className="quiz-editor"
    >
      <FormProblems title="测验还不能保存" problems={problems} onClose={clearProblems} />
      {frozen ? <Alert type="info" showIcon className="xq-form-alert" message="测验已发布，题目和设置已固定，不能再修改。" /> : null}
      {!canManage ? <Alert type="info" showIcon className="xq-form-alert" message="当前账号只能查看测验。" /> : null}
      {canManage && !owned ? (
        <Alert type="info" showIcon className="xq-form-alert" message={`该测验属于上级区域（${quiz?.regionName ?? ''}），只能查看。`} />
      ) : null}

      <ProForm<QuizFormValues>
        form={form}
        name="quiz"
        layout="vertical"
        submitter={false}
        disabled={!editable}
        initialValues={initialValues}
        onValuesChange={(changed: Partial<QuizFormValues>, all: QuizFormValues) => {
          // The survey year follows the window's start unless one was typed.
          if (changed.window?.[0] && !all.year) form.setFieldValue('year', changed.window[0].year());
        }}
      >
        {/* Once published, the entry for residents is what organisers come back for. */}
        {quiz && frozen ? (
          <ProCard title="答题入口（二维码/链接）" style={{ marginBottom: 16 }}>
            <QuizLinkText quiz={quiz} />
          </ProCard>
        ) : null}
        <ProCard title="基本信息" style={{ marginBottom: 16 }}>
          <ProFormText
            name="title"
            label="名称"
            placeholder="如：2026 年永川区心理健康知识知晓率调查"
            fieldProps={{ maxLength: 100, showCount: true }}
            rules={[{ required: true, whitespace: true, message: '请输入名称' }]}
          />
          <ProFormTextArea
            name="description"
            label="说明"
            placeholder="居民答题前看到的说明（可选）"
            fieldProps={{ maxLength: 500, showCount: true, autoSize: { minRows: 2, maxRows: 4 } }}
          />
          <ProFormRadio.Group
            name="kind"
            label="类型"
            radioType="button"
            options={labelOptions(QUIZ_KIND_LABELS)}
            extra={kind ? KIND_HINTS[kind] : undefined}
          />
          <Form.Item name="regionId" label="所属区域" rules={[{ required: true, message: '请选择所属区域' }]} extra="该区域及其下级区域的居民可以作答">
            {owned ? (
              <RegionTreeSelect allowClear={false} style={{ width: 280 }} />
            ) : (
              // The caller's region tree does not hold a region above it: show the name the server sent.
              <Select style={{ width: 280 }} options={quiz ? [{ value: quiz.regionId, label: quiz.regionName }] : []} />
            )}
          </Form.Item>
          {kind === 'survey' ? (
            <Space size="large" wrap align="start">
              <Form.Item name="window" label="调查时间" rules={[{ required: true, message: '请设置调查的开始和结束时间' }]}>
                <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" placeholder={['开始时间', '结束时间']} />
              </Form.Item>
              <ProFormDigit
                name="year"
                label="统计年度"
                width="xs"
                min={2000}
                max={2100}
                fieldProps={{ precision: 0 }}
                rules={[{ required: true, message: '请填写年度' }]}
                extra="知晓率目标按年度对照"
              />
            </Space>
          ) : null}
          <Form.Item
            name="campaignId"
            label="关联宣传活动"
            required={kind === 'pre_test' || kind === 'post_test'}
            extra={
              canListCampaigns
                ? kind === 'pre_test' || kind === 'post_test'
                  ? QUIZ_RULE_MESSAGES.test_unlinked
                  : '可选：计入该宣传活动的知晓率和答题人数'
                : '当前账号无权查看宣传活动列表，请由活动组织者或区域管理员关联'
            }
          >
            <Select
              allowClear
              placeholder="不关联"
              style={{ width: 420 }}
              options={campaignOptions}
              disabled={!editable || !canListCampaigns}
              showSearch
              optionFilterProp="label"
            />
          </Form.Item>
          {kind === 'post_test' ? (
            <Form.Item name="pairedQuizId" label="对应的前测" extra="同一居民先后完成前测和后测时，可配对分析提升效果">
              <Select allowClear placeholder="请选择前测" style={{ width: 420 }} options={preTestOptions} showSearch optionFilterProp="label" />
            </Form.Item>
          ) : null}
        </ProCard>

        <ProCard
          title="计分规则"
          style={{ marginBottom: 16 }}
          extra={<Typography.Text type="secondary">{scoreSummary(count, pointsPerItem ?? 0, percentToShare(passMarkPercent ?? 0))}</Typography.Text>}
        >
          <Space size="large" wrap align="start">
            <ProFormDigit
              name="pointsPerItem"
              label="每题分值"
              width="xs"
              min={0.5}
              max={100}
              fieldProps={{ precision: 1 }}
              rules={[{ required: true, message: '请填写每题分值' }]}
              extra="原卫生部问卷每题 1 分；国民心理健康素养问卷每题 5 分"
            />
            <ProFormDigit
              name="passMarkPercent"
              label="达标线"
              width="xs"
              min={0}
              max={100}
              fieldProps={{ precision: 1, addonAfter: '%' }}
              rules={[{ required: true, message: '请填写达标线' }]}
              extra="得分达到满分的该比例即为达标，默认 80%"
            />
          </Space>
          <ProFormRadio.Group name="multipleChoice" label="多选题计分" options={labelOptions(MULTIPLE_CHOICE_LABELS)} />
        </ProCard>

        <ProCard title={`题目（${count} 题）`} style={{ marginBottom: quiz && !frozen ? 16 : 64 }}>
          {frozen && quiz ? (
            <>
              <Typography.Paragraph type="secondary">
                {quiz.draw.mode === 'random' ? '发布时已按知识点随机抽定以下题目，所有居民作答相同的题目。' : '发布时已固定以下题目。'}
              </Typography.Paragraph>
              <FixedQuestionPicker value={quiz.questionCodes} bank={bank} loading={canManage && !bankLoaded} disabled />
            </>
          ) : (
            <>
              <ProFormRadio.Group
                name="drawMode"
                label="选题方式"
                options={labelOptions(DRAW_MODE_LABELS)}
                extra={drawMode === 'random' ? '发布时抽定一次，之后所有居民作答相同的题目' : '知晓率调查建议使用固定题目，便于各轮调查对比'}
              />
              {drawMode === 'random' ? (
                <>
                  <Form.Item name="perPoint" noStyle>
                    <RandomDrawEditor available={available} disabled={!editable} />
                  </Form.Item>
                  <ProFormSwitch name="shuffle" label="打乱题目顺序" checkedChildren="是" unCheckedChildren="否" extra="否则按知识点顺序排列" />
                </>
              ) : (
                <Form.Item name="questionIds" noStyle>
                  <FixedQuestionPicker bank={bank} loading={canManage && !bankLoaded} disabled={!editable} />
                </Form.Item>
              )}
            </>
          )}
        </ProCard>
        {quiz && !frozen ? (
          <ProCard title="答题入口（二维码/链接）" style={{ marginBottom: 64 }}>
            <QuizLinkText quiz={quiz} />
          </ProCard>
        ) : null}
      </ProForm>

      <FooterToolbar>
        <Space>
          <Button onClick={() => navigate('/quizzes')}>{editable ? '取消' : '返回列表'}</Button>
          {editable ? (
            <>
              <Button loading={busy === 'save'} disabled={busy !== null} onClick={() => void save(false)}>
                保存草稿
              </Button>
              <Button type="primary" loading={busy === 'publish'} disabled={busy !== null} onClick={() => void save(true)}>
                保存并发布
              </Button>
            </>
          ) : null}
          {canManage && owned && quiz?.status === 'published' ? (
            <Button danger loading={busy === 'close'} disabled={busy !== null} onClick={() => void close()}>
              结束测验
            </Button>
          ) : null}
          {quiz?.status === 'closed' ? <Tag>已结束</Tag> : null}
        </Space>
      </FooterToolbar>
    </PageContainer>
  );
}
