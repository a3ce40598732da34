import type { ScaleDefinition } from '../types';
import { HELP_HOTLINE, SCREENING_NOTE } from './common';
import { ZUNG_CHINESE_SOURCE, ZUNG_INSTRUCTIONS, ZUNG_LICENCE, ZUNG_OPTIONS } from './zung';

/**
 * Zung SAS (焦虑自评量表). 20 items, 1-4; items 5, 9, 13, 17 and 19 reversed (5 - value).
 * Raw 20-80; standard score = int(raw x 1.25) = 25-100 (floor). Bands: < 50 normal, 50-59 mild,
 * 60-69 moderate, >= 70 severe. Crisis: none (no self-harm item; severe anxiety alone is not a
 * crisis signal); the severe band raises a red alert under the default alert rules.
 */
export const SAS: ScaleDefinition = {
  code: 'sas',
  version: 1,
  title: '焦虑自评量表（SAS）',
  shortTitle: 'SAS',
  description: '用于了解最近一周的焦虑相关感受及其程度。结果仅供参考，不能代替专业诊断。',
  instructions: ZUNG_INSTRUCTIONS,
  timeMinutes: 5,
  audience: 'adult',
  minAge: 18,
  maxAge: null,
  options: ZUNG_OPTIONS,
  items: [
    { id: 'q1', text: '我觉得比平常容易紧张和着急' },
    { id: 'q2', text: '我无缘无故地感到害怕' },
    { id: 'q3', text: '我容易心里烦乱或觉得惊恐' },
    { id: 'q4', text: '我觉得我可能将要发疯' },
    { id: 'q5', text: '我觉得一切都很好，也不会发生什么不幸', reversed: true },
    { id: 'q6', text: '我手脚发抖打颤' },
    { id: 'q7', text: '我因为头痛、颈痛和背痛而苦恼' },
    { id: 'q8', text: '我感觉容易衰弱和疲乏' },
    { id: 'q9', text: '我觉得心平气和，并且容易安静坐着', reversed: true },
    { id: 'q10', text: '我觉得心跳得很快' },
    { id: 'q11', text: '我因为一阵阵头晕而苦恼' },
    { id: 'q12', text: '我有晕倒发作，或觉得要晕倒似的' },
    { id: 'q13', text: '我呼气吸气都感到很容易', reversed: true },
    { id: 'q14', text: '我手脚麻木和刺痛' },
    { id: 'q15', text: '我因为胃痛和消化不良而苦恼' },
    { id: 'q16', text: '我常常要小便' },
    { id: 'q17', text: '我的手常常是干燥温暖的', reversed: true },
    { id: 'q18', text: '我脸红发热' },
    { id: 'q19', text: '我容易入睡并且一夜睡得很好', reversed: true },
    { id: 'q20', text: '我做噩梦' },
  ],
  scoring: { method: 'sum_times_factor', factor: 1.25, rounding: 'floor', reverseBase: 5 },
  bands: [
    {
      min: 25,
      max: 49,
      severity: 0,
      level: 'none',
      label: '没有明显的焦虑症状',
      interpretation: `您最近一周的焦虑感受在正常范围内。${SCREENING_NOTE}`,
      advice: '继续保持规律作息和适量运动。遇到压力时，可以试试深呼吸、散步或和朋友聊聊。',
    },
    {
      min: 50,
      max: 59,
      severity: 1,
      level: 'mild',
      label: '可能有轻度焦虑症状',
      interpretation: `您最近一周有一些紧张或不安，程度较轻。${SCREENING_NOTE}`,
      advice: '可以尝试放松训练（如腹式呼吸、渐进式肌肉放松）、规律运动，减少咖啡和浓茶。如果困扰持续两周以上，欢迎到社区心理服务站咨询。',
    },
    {
      min: 60,
      max: 69,
      severity: 2,
      level: 'moderate',
      label: '可能有中度焦虑症状',
      interpretation: `您最近一周的焦虑困扰比较明显，可能已经影响到休息、工作或生活。${SCREENING_NOTE}`,
      advice: `建议您近期到医院心理科、精神科，或所在街道（乡镇）的心理服务站做进一步评估。${HELP_HOTLINE}`,
    },
    {
      min: 70,
      max: 100,
      severity: 3,
      level: 'severe',
      label: '可能有重度焦虑症状',
      interpretation: `您最近一周承受着很重的焦虑困扰，您一定很辛苦。${SCREENING_NOTE}`,
      advice: `建议您尽快到医院精神科或心理科就诊，焦虑是可以有效缓解的。${HELP_HOTLINE}`,
    },
  ],
  critical: [],
  mostSevereBandIsCrisis: false,
  licence: ZUNG_LICENCE,
  citation: `Zung WWK. A rating instrument for anxiety disorders. Psychosomatics. 1971;12(6):371-379. 中文版：${ZUNG_CHINESE_SOURCE}`,
};
