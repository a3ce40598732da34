import type { ScaleDefinition } from '../types';
import { CRISIS_HELP, HELP_HOTLINE, SCREENING_NOTE } from './common';
import { ZUNG_CHINESE_SOURCE, ZUNG_INSTRUCTIONS, ZUNG_LICENCE, ZUNG_OPTIONS } from './zung';

/**
 * Zung SDS (抑郁自评量表). 20 items, 1-4; items 2, 5, 6, 11, 12, 14, 16, 17, 18 and 20 reversed
 * (5 - value). Raw 20-80; standard score = int(raw x 1.25) = 25-100 (floor, "取整数部分").
 * China norm: < 53 normal, 53-62 mild, 63-72 moderate, >= 73 severe.
 * Crisis: (a) item 19 ("如果我死了别人会生活得好些", a passive death wish) answered
 * "小部分时间" or more (>= 2), our project decision in line with PHQ-9 item 9; (b) the severe band
 * 73-100, as for PHQ-9's severe band.
 */
export const SDS: ScaleDefinition = {
  code: 'sds',
  version: 1,
  title: '抑郁自评量表（SDS）',
  shortTitle: 'SDS',
  description: '用于了解最近一周的抑郁相关感受及其程度。结果仅供参考，不能代替专业诊断。',
  instructions: ZUNG_INSTRUCTIONS,
  timeMinutes: 5,
  audience: 'adult',
  minAge: 18,
  maxAge: null,
  options: ZUNG_OPTIONS,
  items: [
    { id: 'q1', text: '我觉得闷闷不乐，情绪低沉' },
    { id: 'q2', text: '我觉得一天之中早晨最好', reversed: true },
    { id: 'q3', text: '我一阵阵哭出来或觉得想哭' },
    { id: 'q4', text: '我晚上睡眠不好' },
    { id: 'q5', text: '我吃得跟平常一样多', reversed: true },
    { id: 'q6', text: '我与异性密切接触时和以往一样感到愉快', reversed: true },
    { id: 'q7', text: '我发觉我的体重在下降' },
    { id: 'q8', text: '我有便秘的苦恼' },
    { id: 'q9', text: '我心跳比平常快' },
    { id: 'q10', text: '我无缘无故地感到疲乏' },
    { id: 'q11', text: '我的头脑跟平常一样清楚', reversed: true },
    { id: 'q12', text: '我觉得经常做的事情并没有困难', reversed: true },
    { id: 'q13', text: '我觉得不安而平静不下来' },
    { id: 'q14', text: '我对将来抱有希望', reversed: true },
    { id: 'q15', text: '我比平常容易生气激动' },
    { id: 'q16', text: '我觉得作出决定是容易的', reversed: true },
    { id: 'q17', text: '我觉得自己是个有用的人，有人需要我', reversed: true },
    { id: 'q18', text: '我的生活过得很有意思', reversed: true },
    { id: 'q19', text: '我认为如果我死了别人会生活得好些' },
    { id: 'q20', text: '平常感兴趣的事我仍然照样感兴趣', reversed: true },
  ],
  scoring: { method: 'sum_times_factor', factor: 1.25, rounding: 'floor', reverseBase: 5 },
  bands: [
    {
      min: 25,
      max: 52,
      severity: 0,
      level: 'none',
      label: '没有明显的抑郁症状',
      interpretation: `您最近一周的情绪状态在正常范围内。${SCREENING_NOTE}`,
      advice: '继续保持规律作息、适量运动，多和家人朋友交流。情绪有变化时，可以随时再做一次自评。',
    },
    {
      min: 53,
      max: 62,
      severity: 1,
      level: 'mild',
      label: '可能有轻度抑郁症状',
      interpretation: `您最近一周有一些情绪上的困扰，程度较轻。${SCREENING_NOTE}`,
      advice: '可以多留意自己的情绪和睡眠，安排一些让自己愉快的活动，和信任的人聊聊。如果困扰持续两周以上，欢迎到社区心理服务站咨询。',
    },
    {
      min: 63,
      max: 72,
      severity: 2,
      level: 'moderate',
      label: '可能有中度抑郁症状',
      interpretation: `您最近一周的情绪困扰比较明显，可能已经影响到工作或生活。${SCREENING_NOTE}`,
      advice: `建议您近期到医院心理科、精神科，或所在街道（乡镇）的心理服务站做进一步评估。${HELP_HOTLINE}`,
    },
    {
      min: 73,
      max: 100,
      severity: 3,
      level: 'severe',
      label: '可能有重度抑郁症状',
      interpretation: `您最近一周的情绪困扰很重，您一定很辛苦。${SCREENING_NOTE}请不要独自扛着。`,
      advice: `请尽快（最好在这几天内）到医院精神科就诊，也可以请家人陪同前往。${CRISIS_HELP}`,
    },
  ],
  critical: [{ itemId: 'q19', threshold: 2 }],
  mostSevereBandIsCrisis: true,
  licence: ZUNG_LICENCE,
  citation: `Zung WWK. A self-rating depression scale. Arch Gen Psychiatry. 1965;12:63-70. 中文版及中国常模：${ZUNG_CHINESE_SOURCE}`,
};
