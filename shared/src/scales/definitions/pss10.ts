import type { ScaleDefinition } from '../types';
import { HELP_HOTLINE, SCREENING_NOTE } from './common';

/**
 * PSS-10 (中文版知觉压力量表). 10 items, 0-4; items 4, 5, 7 and 8 are positively worded and
 * reversed (4 - value). Total 0-40. The scale has no official cut-off; 0-13 / 14-26 / 27-40 is a
 * common convention. Crisis: none (perceived stress is not a crisis signal).
 */
export const PSS10: ScaleDefinition = {
  code: 'pss-10',
  version: 1,
  title: '知觉压力量表（PSS-10）',
  shortTitle: 'PSS-10',
  description: '用于了解最近一个月您感受到的生活压力有多大。本量表没有官方划界分，分段仅供自我了解，不是诊断。',
  instructions:
    '以下问题询问您最近一个月的感受和想法。请指出您感受到或想到下列情况的频率。有些问题看起来相似，但彼此有差别，请每一题都作答，凭第一感觉尽快回答即可。',
  timeMinutes: 3,
  audience: 'adult',
  minAge: 18,
  maxAge: null,
  options: [
    { value: 0, label: '从不' },
    { value: 1, label: '偶尔' },
    { value: 2, label: '有时' },
    { value: 3, label: '时常' },
    { value: 4, label: '总是' },
  ],
  items: [
    { id: 'q1', text: '因为一些意外发生的事情而感到心烦意乱' },
    { id: 'q2', text: '感到无法控制自己生活中重要的事情' },
    { id: 'q3', text: '感到紧张不安和有压力' },
    { id: 'q4', text: '对于有能力处理自己私人的问题感到很有信心', reversed: true },
    { id: 'q5', text: '感到事情顺心如意', reversed: true },
    { id: 'q6', text: '发现自己无法应付所有自己必须做的事情' },
    { id: 'q7', text: '有办法控制生活中恼人的事情', reversed: true },
    { id: 'q8', text: '觉得自己能够驾驭各种事情', reversed: true },
    { id: 'q9', text: '因为一些超出自己控制的事情而生气' },
    { id: 'q10', text: '感到困难的事情堆积如山，而自己无法克服它们' },
  ],
  scoring: { method: 'sum', reverseBase: 4 },
  bands: [
    {
      min: 0,
      max: 13,
      severity: 0,
      label: '压力感较低',
      interpretation: `您最近一个月感受到的压力较低，能较好地应对生活中的事情。${SCREENING_NOTE}`,
      advice: '继续保持现在的节奏，适当运动、充足睡眠，有助于保持良好状态。',
    },
    {
      min: 14,
      max: 26,
      severity: 1,
      label: '压力感中等',
      interpretation: `您最近一个月感受到一定的压力，这在忙碌的生活中很常见。${SCREENING_NOTE}`,
      advice: '可以试着梳理压力来源，把大任务拆成小步骤，安排一些放松和运动的时间，也可以和家人朋友聊聊。如果压力让您难以应付，欢迎到社区心理服务站咨询。',
    },
    {
      min: 27,
      max: 40,
      severity: 2,
      label: '压力感较高',
      interpretation: `您最近一个月感受到的压力较大，可能常常觉得应付不过来。${SCREENING_NOTE}`,
      advice: `建议您适当减轻负担、寻求身边人的支持，并考虑到心理服务站或医院心理科，和专业人员一起找到应对压力的方法。${HELP_HOTLINE}`,
    },
  ],
  critical: [],
  mostSevereBandIsCrisis: false,
  licence: {
    name: '非商业用途免费使用（UNVERIFIED）',
    freeForPublicService: true,
    note: 'UNVERIFIED：据公开资料，PSS 可免费用于非商业的研究和公益用途，但本平台尚未核实原作者的授权声明，正式上线前请管理员确认。中文措辞参照常见中文版，未与某一已发表版本逐字核对。',
  },
  citation:
    'Cohen S, Kamarck T, Mermelstein R. A global measure of perceived stress. J Health Soc Behav. 1983;24(4):385-396. Cohen S, Williamson G. Perceived stress in a probability sample of the United States. In: Spacapan S, Oskamp S, eds. The Social Psychology of Health. Newbury Park, CA: Sage; 1988.',
};
