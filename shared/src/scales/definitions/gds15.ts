import type { ScaleDefinition } from '../types';
import { CRISIS_HELP, HELP_HOTLINE, SCREENING_NOTE } from './common';

/**
 * GDS-15 (老年抑郁量表简版). 15 yes/no items; "是" = 1, "否" = 0; items 1, 5, 7, 11 and 13 score
 * 1 for "否" (reverseBase 1). Total 0-15, >= 5 possible depression (the domain notes); the split
 * 5-8 / 9-11 / 12-15 is the one commonly cited from the GDS authors' site.
 * Crisis: the severe band 12-15 starts the crisis path. GDS-15 has no self-harm question, older
 * people living alone are a high-risk group, and 12-15 is the only signal this scale can give.
 */
export const GDS15: ScaleDefinition = {
  code: 'gds-15',
  version: 1,
  title: '老年抑郁量表（GDS-15）',
  shortTitle: 'GDS-15',
  description: '专为老年人设计，用于了解最近一周的情绪状况，初步筛查抑郁相关症状。结果仅供参考，不能代替专业诊断。',
  instructions: '请根据您最近一周的感受，回答下面的问题，选择“是”或“否”。也可以请家人或工作人员读题，由您来回答。',
  timeMinutes: 5,
  audience: 'elderly',
  minAge: 60,
  maxAge: null,
  options: [
    { value: 1, label: '是' },
    { value: 0, label: '否' },
  ],
  items: [
    { id: 'q1', text: '您对生活基本上满意吗？', reversed: true },
    { id: 'q2', text: '您是否已经放弃了许多活动和兴趣爱好？' },
    { id: 'q3', text: '您是否觉得生活空虚？' },
    { id: 'q4', text: '您是否常常感到厌倦？' },
    { id: 'q5', text: '您是否大部分时间精神都很好？', reversed: true },
    { id: 'q6', text: '您是否害怕会有不幸的事情落到您头上？' },
    { id: 'q7', text: '您是否大部分时间都感到快乐？', reversed: true },
    { id: 'q8', text: '您是否常常感到无助？' },
    { id: 'q9', text: '您是否宁愿待在家里，也不愿出去做些新鲜事？' },
    { id: 'q10', text: '您是否觉得自己的记忆力比大多数人差？' },
    { id: 'q11', text: '您是否觉得现在活着很美好？', reversed: true },
    { id: 'q12', text: '您是否觉得像现在这样活着毫无意义？' },
    { id: 'q13', text: '您是否觉得精力充沛？', reversed: true },
    { id: 'q14', text: '您是否觉得自己的处境毫无希望？' },
    { id: 'q15', text: '您是否觉得大多数人的境况比您好？' },
  ],
  scoring: { method: 'sum', reverseBase: 1 },
  bands: [
    {
      min: 0,
      max: 4,
      severity: 0,
      level: 'none',
      label: '没有明显的抑郁症状',
      interpretation: `您最近一周的情绪状态总体不错。${SCREENING_NOTE}`,
      advice: '继续保持适量活动，多和家人、邻居、老朋友来往，参加社区活动。身体或心情有变化时，可以随时再做一次。',
    },
    {
      min: 5,
      max: 8,
      severity: 1,
      level: 'mild',
      label: '可能有轻度抑郁症状',
      interpretation: `您最近一周有一些情绪上的困扰，程度较轻。${SCREENING_NOTE}`,
      advice:
        '建议多出门走走、晒晒太阳，参加社区或老年活动中心的活动，多和家人聊聊心里话。过两周可以再做一次；如果心情持续不好，欢迎到社区心理服务站或社区卫生服务中心咨询。',
    },
    {
      min: 9,
      max: 11,
      severity: 2,
      level: 'moderate',
      label: '可能有中度抑郁症状',
      interpretation: `您最近一周的情绪困扰比较明显。${SCREENING_NOTE}`,
      advice: `建议请家人陪同，近期到医院心理科、精神科或社区卫生服务中心做进一步评估。${HELP_HOTLINE}`,
    },
    {
      min: 12,
      max: 15,
      severity: 3,
      level: 'severe',
      label: '可能有重度抑郁症状',
      interpretation: `您最近一周的情绪困扰很重，您一定很辛苦。${SCREENING_NOTE}请不要独自扛着。`,
      advice: `请尽快在家人陪同下到医院精神科就诊。${CRISIS_HELP}`,
    },
  ],
  critical: [],
  mostSevereBandIsCrisis: true,
  licence: {
    name: '公有领域（Public domain）',
    url: 'https://web.stanford.edu/~yesavage/GDS.html',
    freeForPublicService: true,
    note: 'GDS 原量表为公有领域，可免费使用。本平台中文措辞参照常用的 GDS-30 中文版对应条目整理，未与某一已发表的 GDS-15 中文版逐字核对（UNVERIFIED）。',
  },
  citation:
    'Sheikh JI, Yesavage JA. Geriatric Depression Scale (GDS): recent evidence and development of a shorter version. Clin Gerontol. 1986;5(1-2):165-173.',
};
