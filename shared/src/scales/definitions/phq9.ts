import type { ScaleDefinition } from '../types';
import { CRISIS_HELP, HELP_HOTLINE, PHQ_FREQUENCY_OPTIONS, PHQ_LICENCE, SCREENING_NOTE } from './common';

/**
 * PHQ-9 (患者健康问卷抑郁量表). Item texts and answers follow the widely used Chinese version.
 * Crisis path: item 9 (thoughts of death or self-harm) >= 1, and the severe band 20-27.
 */
export const PHQ9: ScaleDefinition = {
  code: 'phq-9',
  version: 1,
  title: '患者健康问卷抑郁量表（PHQ-9）',
  shortTitle: 'PHQ-9',
  description: '用于自我了解最近两周的情绪状况，初步筛查抑郁相关症状及其程度。结果仅供参考，不能代替专业诊断。',
  instructions: '在过去两个星期，有多少时候您受到以下任何问题所困扰？请根据实际情况，为每一题选择最符合的选项。',
  timeMinutes: 3,
  audience: 'adult',
  minAge: 18,
  maxAge: null,
  options: PHQ_FREQUENCY_OPTIONS,
  items: [
    { id: 'q1', text: '做事时提不起劲或没有兴趣' },
    { id: 'q2', text: '感到心情低落、沮丧或绝望' },
    { id: 'q3', text: '入睡困难、睡不安稳或睡眠过多' },
    { id: 'q4', text: '感觉疲倦或没有活力' },
    { id: 'q5', text: '食欲不振或吃太多' },
    { id: 'q6', text: '觉得自己很糟，或觉得自己很失败，或让自己或家人失望' },
    { id: 'q7', text: '对事物专注有困难，例如阅读报纸或看电视时' },
    { id: 'q8', text: '动作或说话速度缓慢到别人已经觉察，或正好相反——烦躁或坐立不安、动来动去的情况更胜于平常' },
    { id: 'q9', text: '有不如死掉或用某种方式伤害自己的念头' },
  ],
  scoring: { method: 'sum' },
  bands: [
    {
      min: 0,
      max: 4,
      severity: 0,
      level: 'none',
      label: '没有明显的抑郁症状',
      interpretation: `您最近两周几乎没有抑郁相关的困扰。${SCREENING_NOTE}`,
      advice: '继续保持规律作息、适量运动，多和家人朋友交流。今后如果情绪持续低落，可以随时再做一次自评，或到身边的心理服务站聊一聊。',
    },
    {
      min: 5,
      max: 9,
      severity: 1,
      level: 'mild',
      label: '可能有轻度抑郁症状',
      interpretation: `您最近两周有一些情绪方面的困扰，程度较轻，这在生活压力较大时很常见。${SCREENING_NOTE}`,
      advice:
        '可以多留意自己的情绪和睡眠，保持规律作息和适量运动，和信任的人说说心里话。建议两周后再做一次自评；如果困扰持续或加重，欢迎到社区心理服务站或医院心理科咨询。',
    },
    {
      min: 10,
      max: 14,
      severity: 2,
      level: 'moderate',
      label: '可能有中度抑郁症状',
      interpretation: `您最近两周的情绪困扰比较明显，可能已经影响到工作、学习或生活。${SCREENING_NOTE}`,
      advice: `建议您近期到医院的心理科、精神科，或所在街道（乡镇）的心理服务站做进一步评估，专业人员会帮助您。${HELP_HOTLINE}`,
    },
    {
      min: 15,
      max: 19,
      severity: 3,
      level: 'moderately_severe',
      label: '可能有中重度抑郁症状',
      interpretation: `您最近两周承受着较重的情绪困扰，值得认真对待。${SCREENING_NOTE}`,
      advice: `建议您尽快到医院精神科或心理科就诊评估，及早获得帮助，情况是可以改善的。${HELP_HOTLINE}`,
    },
    {
      min: 20,
      max: 27,
      severity: 4,
      level: 'severe',
      label: '可能有重度抑郁症状',
      interpretation: `您最近两周的情绪困扰很重，您一定很辛苦。${SCREENING_NOTE}请不要独自扛着。`,
      advice: `请尽快（最好在这几天内）到医院精神科就诊，也可以请家人陪同前往。${CRISIS_HELP}`,
    },
  ],
  critical: [{ itemId: 'q9', threshold: 1 }],
  mostSevereBandIsCrisis: true,
  licence: PHQ_LICENCE,
  citation: 'Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. J Gen Intern Med. 2001;16(9):606-613.',
};
