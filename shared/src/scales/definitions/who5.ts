import type { ScaleDefinition } from '../types';
import { HELP_HOTLINE, SCREENING_NOTE } from './common';

/**
 * WHO-5 (世界卫生组织五项身心健康指标). Raw 0-25 x 4 = 0-100; higher is better, so the bands'
 * severity runs against the score. Cut-offs: < 50 poor well-being (the domain notes; = raw < 13,
 * the WHO guidance); <= 28 likely depression (Topp et al. 2015), an extra split so the lowest
 * scores stand out. Crisis: none (no item asks about self-harm, and a low well-being score alone
 * is not a crisis).
 */
export const WHO5: ScaleDefinition = {
  code: 'who-5',
  version: 1,
  title: '世界卫生组织五项身心健康指标（WHO-5）',
  shortTitle: 'WHO-5',
  description: '用于了解最近两周的整体身心状态和幸福感，分数越高表示状态越好。结果仅供参考，不能代替专业诊断。',
  instructions: '下面五句话描述的是过去两周里您的感受。请为每一句选择最接近您实际情况的选项。',
  timeMinutes: 1,
  audience: 'adult',
  minAge: 18,
  maxAge: null,
  options: [
    { value: 5, label: '所有时间' },
    { value: 4, label: '大部分时间' },
    { value: 3, label: '超过一半的时间' },
    { value: 2, label: '不到一半的时间' },
    { value: 1, label: '偶尔' },
    { value: 0, label: '从来没有' },
  ],
  items: [
    { id: 'q1', text: '我感到快乐、心情舒畅' },
    { id: 'q2', text: '我感到平静和放松' },
    { id: 'q3', text: '我感到充满活力、精力充沛' },
    { id: 'q4', text: '我醒来时感到神清气爽、休息充分' },
    { id: 'q5', text: '我每天的生活中充满了让我感兴趣的事情' },
  ],
  scoring: { method: 'sum_times_factor', factor: 4, rounding: 'none' },
  bands: [
    {
      min: 0,
      max: 28,
      severity: 2,
      label: '身心状态较差，建议进一步了解情绪状况',
      interpretation: `您最近两周的幸福感很低，可能正经历明显的情绪低落。${SCREENING_NOTE}`,
      advice: `建议您做一次抑郁自评（如 PHQ-9），并到医院心理科或所在街道（乡镇）的心理服务站做进一步评估。${HELP_HOTLINE}`,
    },
    {
      min: 29,
      max: 49,
      severity: 1,
      label: '幸福感偏低',
      interpretation: `您最近两周的身心状态不太好，幸福感偏低。${SCREENING_NOTE}`,
      advice: `可以多安排让自己放松和愉快的活动，保证睡眠、适量运动，与亲友多交流。建议再做一次抑郁自评（如 PHQ-9）；如果状态持续不佳，欢迎到社区心理服务站咨询。${HELP_HOTLINE}`,
    },
    {
      min: 50,
      max: 100,
      severity: 0,
      label: '身心状态良好',
      interpretation: `您最近两周的整体幸福感处于良好范围。${SCREENING_NOTE}`,
      advice: '继续保持让您感到愉快和充实的生活方式。状态有变化时，可以随时再做一次自评。',
    },
  ],
  critical: [],
  mostSevereBandIsCrisis: false,
  licence: {
    name: 'CC BY-NC-SA 3.0 IGO',
    url: 'https://creativecommons.org/licenses/by-nc-sa/3.0/igo/',
    freeForPublicService: true,
    note: '知识共享 署名-非商业性使用-相同方式共享 3.0 政府间组织许可：仅限非商业用途，须注明出处（世界卫生组织），改编版本须以相同许可发布。本平台中文措辞未与官方中文译本核对（UNVERIFIED）。',
  },
  citation:
    'World Health Organization. Wellbeing measures in primary health care: the DepCare Project. Copenhagen: WHO Regional Office for Europe; 1998. Topp CW, Østergaard SD, Søndergaard S, Bech P. The WHO-5 Well-Being Index: a systematic review of the literature. Psychother Psychosom. 2015;84(3):167-176.',
};
