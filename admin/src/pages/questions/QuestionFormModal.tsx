import { useState, type ReactElement } from 'react';
import { ModalForm, ProFormRadio, ProFormSelect, ProFormSwitch, ProFormTextArea } from '@ant-design/pro-components';
import { Alert, App, Button, Checkbox, Form, Input, Radio, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { FALSE_KEY, QUESTION_KIND_LABELS, TRUE_FALSE_LABELS, TRUE_KEY, type AdminQuestion, type QuestionKind } from '@xinqiao/shared';
import { questionsApi } from '../../api/questions';
import { useStaff } from '../../auth/SessionContext';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { withFreshForm, type FreshFormProps } from '../../components/freshForm';
import { useOpenSnapshot } from '../../hooks/useOpenSnapshot';
import { labelOptions } from '../../utils/proTable';
import { FormProblems } from '../../components/FormProblems';
import {
  emptyQuestionForm,
  KNOWLEDGE_POINT_OPTIONS,
  MAX_OPTIONS,
  MIN_OPTIONS,
  OPTION_KEYS,
  pruneAnswers,
  questionFormProblems,
  questionToForm,
  readOnlyReason,
  removeOption,
  toQuestionInput,
  type QuestionFormValues,
} from './questionForm';

interface Props {
  trigger: ReactElement;
  onDone(): void;
  /** Edit (or, when read-only, view) this question; create a new one when absent. */
  question?: AdminQuestion;
}

function QuestionFormModalBody({ trigger, onDone, question: current, afterClose }: Props & FreshFormProps) {
  const me = useStaff();
  const { message } = App.useApp();
  const [question, snapshot] = useOpenSnapshot(current);
  const [form] = Form.useForm<QuestionFormValues>();
  const [problems, setProblems] = useState<string[]>([]);
  const kind = Form.useWatch('kind', form) as QuestionKind | undefined;
  const options = (Form.useWatch('options', form) as { text?: string }[] | undefined) ?? [];
  const lockedReason = question ? readOnlyReason(question) : null;
  const readOnly = lockedReason !== null;

  const onOpenChange = (open: boolean) => {
    snapshot(open);
    if (open) setProblems([]);
  };

  const onFinish = async (v: QuestionFormValues) => {
    const found = questionFormProblems(v);
    setProblems(found);
    if (found.length) return false;
    const input = toQuestionInput(v);
    try {
      if (question) await questionsApi.update(question.id, input);
      else await questionsApi.create(input);
    } catch {
      return false;
    }
    void message.success(question ? '题目已更新' : '题目已添加');
    onDone();
    return true;
  };

  const onValuesChange = (changed: Partial<QuestionFormValues>, all: QuestionFormValues) => {
    if (changed.kind && changed.kind !== 'true_false') {
      // A choice question needs at least its minimum of option rows to fill in.
      // Read from the store: the option rows are not mounted (so not in `all`) while the kind was 判断题.
      const rows: { text: string }[] = form.getFieldValue('options') ?? [];
      const min = MIN_OPTIONS[changed.kind];
      if (rows.length < min) form.setFieldValue('options', [...rows, ...Array.from({ length: min - rows.length }, () => ({ text: '' }))]);
    }
    if (changed.kind || changed.options) form.setFieldsValue(pruneAnswers({ ...all, options: form.getFieldValue('options') ?? [] }));
    if (problems.length) setProblems([]);
  };

  const letterOptions = options.slice(0, MAX_OPTIONS).map((o, i) => ({
    value: OPTION_KEYS[i],
    label: (
      <span>
        {OPTION_KEYS[i]}
        {o?.text ? <Typography.Text type="secondary">　{o.text}</Typography.Text> : null}
      </span>
    ),
  }));

  const title = !question ? '新建题目' : readOnly ? `查看题目：${question.code}` : `编辑题目：${question.code}`;

  return (
    <ModalForm<QuestionFormValues>
      name="question"
      form={form}
      title={title}
      trigger={trigger}
      width={720}
      layout="vertical"
      disabled={readOnly}
      modalProps={{ destroyOnHidden: true, afterClose }}
      onOpenChange={onOpenChange}
      submitter={
        readOnly
          ? { searchConfig: { resetText: '关闭' }, submitButtonProps: { style: { display: 'none' } }, resetButtonProps: { disabled: false } }
          : { searchConfig: { submitText: '保存', resetText: '取消' } }
      }
      initialValues={question ? questionToForm(question) : emptyQuestionForm(me.regionId)}
      onValuesChange={onValuesChange}
      onFinish={onFinish}
    >
      {lockedReason ? <Alert type="info" showIcon className="xq-form-alert" message={lockedReason} data-testid="question-readonly" /> : null}
      <FormProblems title="题目还不能保存" problems={problems} />
      <ProFormRadio.Group name="kind" label="题型" radioType="button" options={labelOptions(QUESTION_KIND_LABELS)} />
      <ProFormSelect
        name="knowledgePoint"
        label="知识点"
        placeholder="请选择《心理健康素养十条》中的知识点"
        options={KNOWLEDGE_POINT_OPTIONS}
        rules={[{ required: true, message: '请选择知识点' }]}
      />
      <ProFormTextArea
        name="stem"
        label="题干"
        placeholder={kind === 'true_false' ? '一句需要判断对错的陈述，如：失眠只是小事，不需要重视。' : '如：下列哪些做法有助于缓解压力？'}
        fieldProps={{ maxLength: 500, showCount: true, autoSize: { minRows: 2, maxRows: 5 } }}
        rules={[{ required: true, whitespace: true, message: '请输入题干' }]}
      />

      {kind === 'true_false' ? (
        <>
          <ProFormSwitch
            name="withDontKnow"
            label="提供“不知道”选项"
            checkedChildren="是"
            unCheckedChildren="否"
            extra="选择“不知道”计 0 分，可减少猜答（《国民心理健康素养问卷》的做法）"
          />
          <Form.Item name="answer" label="正确答案" rules={[{ required: true, message: '请选择正确答案' }]}>
            <Radio.Group
              options={[
                { value: TRUE_KEY, label: TRUE_FALSE_LABELS[TRUE_KEY] },
                { value: FALSE_KEY, label: TRUE_FALSE_LABELS[FALSE_KEY] },
              ]}
            />
          </Form.Item>
        </>
      ) : (
        <>
          <Form.Item label="选项" required extra={kind === 'multiple' ? '多选题 3-6 个选项' : '单选题 2-6 个选项'}>
            <Form.List name="options">
              {(fields, { add }) => (
                <Space direction="vertical" style={{ width: '100%' }}>
                  {fields.map((field, index) => (
                    <Space key={field.key} align="baseline" style={{ width: '100%' }} className="xq-option-row">
                      <Typography.Text strong style={{ display: 'inline-block', width: 20 }}>
                        {OPTION_KEYS[index]}
                      </Typography.Text>
                      <Form.Item name={[field.name, 'text']} noStyle rules={[{ required: true, whitespace: true, message: '请输入选项内容' }]}>
                        <Input
                          placeholder={`选项 ${OPTION_KEYS[index]} 的内容`}
                          maxLength={200}
                          style={{ width: 520 }}
                          aria-label={`选项 ${OPTION_KEYS[index]}`}
                        />
                      </Form.Item>
                      <Button
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label={`删除选项 ${OPTION_KEYS[index]}`}
                        disabled={fields.length <= (kind === 'multiple' ? MIN_OPTIONS.multiple : MIN_OPTIONS.single)}
                        onClick={() =>
                          form.setFieldsValue(
                            removeOption(
                              { options: form.getFieldValue('options'), answer: form.getFieldValue('answer'), answers: form.getFieldValue('answers') },
                              index,
                            ),
                          )
                        }
                      />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} disabled={fields.length >= MAX_OPTIONS} onClick={() => add({ text: '' })}>
                    添加选项
                  </Button>
                </Space>
              )}
            </Form.List>
          </Form.Item>
          {kind === 'multiple' ? (
            <Form.Item name="answers" label="正确答案（可多选）" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择 1 个正确答案' }]}>
              <Checkbox.Group options={letterOptions} />
            </Form.Item>
          ) : (
            <Form.Item name="answer" label="正确答案" rules={[{ required: true, message: '请选择正确答案' }]}>
              <Radio.Group options={letterOptions} />
            </Form.Item>
          )}
        </>
      )}

      <ProFormTextArea
        name="explanation"
        label="答案解析"
        placeholder="居民答题后看到的解释，说明为什么这样答"
        fieldProps={{ maxLength: 1000, showCount: true, autoSize: { minRows: 2, maxRows: 6 } }}
        rules={[{ required: true, whitespace: true, message: '请输入答案解析' }]}
      />
      {readOnly ? null : (
        <Form.Item name="regionId" label="所属区域" extra="题目归属的区域；该区域及其下级区域的工作人员可以使用和维护">
          <RegionTreeSelect allowClear={false} style={{ width: 280 }} />
        </Form.Item>
      )}
    </ModalForm>
  );
}

/** Create, edit or (when read-only) view a question; every opening starts from the question as loaded. */
export const QuestionFormModal = withFreshForm(QuestionFormModalBody);
