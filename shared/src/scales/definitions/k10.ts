import type { ScaleDefinition } from '../types';
import { HELP_HOTLINE, SCREENING_NOTE } from './common';

/**
 * K10 (凯斯勒心理困扰量表). 10 items, 1-5, total 10-50: 10-19 well, 20-24 mild, 25-29 moderate,
 * 30-50 severe. Crisis: none. K10 measures non-specific distress and asks nothing about self-harm;
 * the severe band raises a red alert under the default alert rules, so staff follow up.
 */
export const K10: ScaleDefinition = {
  code: 'k10',
  version: 1,
  title: '凯斯勒心理困扰量表（K10）',
  shortTitle: 'K10',
  description: '用于了解最近一个月的心理困扰程度，如紧张、烦躁、情绪低落等。结果仅供参考，不能代替专业诊断。',
  instructions: '以下问题询问您在过去 30 天里的感受。请为每一题选择最符合您实际情况的选项：在过去 30 天里，您有多经常……',
  timeMinutes: 3,
  audience: 'adult',
  minAge: 18,
  maxAge: null,
  options: [
    { value: 1, label: '从来没有' },
    { value: 2, label: '很少' },
    { value: 3, label: '有时' },
    { value: 4, label: '大部分时间' },
    { value: 5, label: '所有时间' },
  ],
  items: [
    { id: 'q1', text: '无缘无故地感到精疲力竭' },
    { id: 'q2', text: '感到紧张' },
    { id: 'q3', text: '感到非常紧张，以至于什么都不能让您平静下来' },
    { id: 'q4', text: '感到没有希望' },
    { id: 'q5', text: '感到坐立不安或烦躁' },
    { id: 'q6', text: '感到非常烦躁，以至于无法安静地坐着' },
    { id: 'q7', text: '感到情绪低落、沮丧' },
    { id: 'q8', text: '感到做每件事都很费力' },
    { id: 'q9', text: '感到非常难过，以至于什么都不能让您高兴起来' },
    { id: 'q10', text: '感到自己毫无价值' },
  ],
  scoring: { method: 'sum' },
  bands: [
    {
      min: 10,
      max: 19,
      severity: 0,
      level: 'none',
      label: '心理状态良好',
      interpretation: `您最近一个月的心理困扰较少，整体状态良好。${SCREENING_NOTE}`,
      advice: '继续保持规律作息、适量运动和良好的人际交往。遇到压力时，记得照顾好自己。',
    },
    {
      min: 20,
      max: 24,
      severity: 1,
      level: 'mild',
      label: '可能有轻度心理困扰',
      interpretation: `您最近一个月有一些心理困扰，程度较轻，这在压力较大时很常见。${SCREENING_NOTE}`,
      advice: '可以试着调整作息、适量运动、和信任的人聊聊。建议过一段时间再做一次自评；如果困扰持续，欢迎到社区心理服务站咨询。',
    },
    {
      min: 25,
      max: 29,
      severity: 2,
      level: 'moderate',
      label: '可能有中度心理困扰',
      interpretation: `您最近一个月的心理困扰比较明显，可能已经影响到工作或生活。${SCREENING_NOTE}`,
      advice: `建议您近期到医院心理科，或所在街道（乡镇）的心理服务站做进一步评估。${HELP_HOTLINE}`,
    },
    {
      min: 30,
      max: 50,
      severity: 3,
      level: 'severe',
      label: '可能有重度心理困扰',
      interpretation: `您最近一个月承受着很重的心理困扰，您一定很辛苦。${SCREENING_NOTE}`,
      advice: `建议您尽快到医院精神科或心理科就诊评估，及早获得帮助。${HELP_HOTLINE}`,
    },
  ],
  critical: [],
  mostSevereBandIsCrisis: false,
  licence: {
    name: '免费使用，须注明出处',
    freeForPublicService: true,
    note: '可免费使用，使用时须引用 Kessler 等（2002）。本平台中文措辞根据英文原版翻译，未与已发表的中文版（UNVERIFIED）逐字核对。',
  },
  citation:
    'Kessler RC, Andrews G, Colpe LJ, et al. Short screening scales to monitor population prevalences and trends in non-specific psychological distress. Psychol Med. 2002;32(6):959-976.',
};
