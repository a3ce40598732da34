import type { ScaleDefinition } from '../types';
import { CRISIS_HELP_YOUTH, PHQ_FREQUENCY_OPTIONS, PHQ_LICENCE, YES_NO_OPTIONS } from './common';

const YOUTH_NOTE = '这只是一次自我筛查，不是诊断。';
const YOUTH_HELP = '也可以拨打心理援助热线 12356 或青少年服务台 12355。';

/**
 * PHQ-A style adaptation of the PHQ-9 for 11-17 year olds (after Johnson et al. 2002): nine
 * symptom items worded for adolescents (school work, irritability), scored 0-27 with the PHQ-9
 * bands, plus three yes/no questions that are answered but not scored:
 * - a year-long low mood (context for staff),
 * - serious thoughts of ending one's life in the past month (critical),
 * - a suicide attempt ever (critical).
 * Crisis path: item 9 >= 1, either suicide question "是", or the severe band 20-27.
 * The Chinese wording is our adaptation of the PHQ-9 Chinese version, not a published PHQ-A translation.
 */
export const PHQ_A: ScaleDefinition = {
  code: 'phq-a',
  version: 1,
  title: '青少年抑郁症状自评问卷（PHQ-A 改编版）',
  shortTitle: 'PHQ-A',
  description: '供 11-17 岁青少年了解自己最近两周的情绪状况，初步筛查抑郁相关症状，并关注是否有伤害自己的想法。结果仅供参考，不能代替专业诊断。',
  instructions: '在过去两个星期里，下面这些情况困扰你的频率是多少？请为每一题选择最符合你的选项。最后三题请回答“是”或“否”。没有对错之分，请按真实感受作答。',
  timeMinutes: 4,
  audience: 'student',
  minAge: 11,
  maxAge: 17,
  options: PHQ_FREQUENCY_OPTIONS,
  items: [
    { id: 'q1', text: '感到心情低落、沮丧、烦躁或绝望' },
    { id: 'q2', text: '做事时提不起劲或没有兴趣' },
    { id: 'q3', text: '入睡困难、睡不安稳或睡得太多' },
    { id: 'q4', text: '胃口不好、体重减轻，或吃得太多' },
    { id: 'q5', text: '感觉疲倦或没有活力' },
    { id: 'q6', text: '觉得自己很糟，或觉得自己很失败，或让自己或家人失望' },
    { id: 'q7', text: '难以集中注意力，例如在做功课、阅读或看电视时' },
    { id: 'q8', text: '动作或说话慢到别人都能察觉，或正好相反——烦躁或坐立不安，比平时动得多' },
    { id: 'q9', text: '有不如死掉或用某种方式伤害自己的念头' },
    {
      id: 'year_low_mood',
      text: '在过去一年里，你是否在大多数日子里感到抑郁或难过，即使有时感觉还好？',
      options: YES_NO_OPTIONS,
      scored: false,
    },
    {
      id: 'month_suicidal_thoughts',
      text: '在过去一个月里，你是否有过认真想要结束自己生命的念头？',
      options: YES_NO_OPTIONS,
      scored: false,
    },
    {
      id: 'lifetime_suicide_attempt',
      text: '在你的一生中，你是否曾经尝试过自杀？',
      options: YES_NO_OPTIONS,
      scored: false,
    },
  ],
  scoring: { method: 'sum' },
  bands: [
    {
      min: 0,
      max: 4,
      severity: 0,
      level: 'none',
      label: '没有明显的抑郁症状',
      interpretation: `你最近两周几乎没有情绪方面的困扰。${YOUTH_NOTE}`,
      advice: '继续保持规律作息、适量运动，多和家人、同学、朋友交流。以后如果心情一直不好，可以随时找班主任、心理老师或家长聊聊。',
    },
    {
      min: 5,
      max: 9,
      severity: 1,
      level: 'mild',
      label: '可能有轻度抑郁症状',
      interpretation: `你最近两周有一些情绪上的困扰，程度较轻，学习和生活有压力时这很常见。${YOUTH_NOTE}`,
      advice: '试着保证睡眠、每天活动一下身体，把烦恼说给信任的人听。如果这种感觉持续两周以上，建议找学校心理老师聊一聊。',
    },
    {
      min: 10,
      max: 14,
      severity: 2,
      level: 'moderate',
      label: '可能有中度抑郁症状',
      interpretation: `你最近两周的情绪困扰比较明显，可能已经影响到学习或生活。${YOUTH_NOTE}`,
      advice: `建议你告诉家长，并找学校心理老师或到医院心理科做进一步评估，专业的人会帮助你。${YOUTH_HELP}`,
    },
    {
      min: 15,
      max: 19,
      severity: 3,
      level: 'moderately_severe',
      label: '可能有中重度抑郁症状',
      interpretation: `你最近两周承受着较重的情绪困扰，这值得认真对待。${YOUTH_NOTE}`,
      advice: `请尽快告诉家长或老师，在他们陪同下到医院精神科或心理科就诊，情况是可以变好的。${YOUTH_HELP}`,
    },
    {
      min: 20,
      max: 27,
      severity: 4,
      level: 'severe',
      label: '可能有重度抑郁症状',
      interpretation: `你最近两周的情绪困扰很重，你一定很辛苦。${YOUTH_NOTE}请不要一个人扛着。`,
      advice: `请今天就告诉家长或老师，尽快在他们陪同下到医院精神科就诊。${CRISIS_HELP_YOUTH}`,
    },
  ],
  critical: [
    { itemId: 'q9', threshold: 1 },
    { itemId: 'month_suicidal_thoughts', threshold: 1 },
    { itemId: 'lifetime_suicide_attempt', threshold: 1 },
  ],
  mostSevereBandIsCrisis: true,
  licence: {
    ...PHQ_LICENCE,
    note: PHQ_LICENCE.note + ' 本青少年版中文措辞由本平台根据 PHQ-9 中文版与 PHQ-A 英文版改编（UNVERIFIED：未与已发表的 PHQ-A 中文版核对）。',
  },
  citation:
    'Johnson JG, Harris ES, Spitzer RL, Williams JBW. The Patient Health Questionnaire for Adolescents: validation of an instrument for the assessment of mental disorders among adolescent primary care patients. J Adolesc Health. 2002;30(3):196-204.',
};
