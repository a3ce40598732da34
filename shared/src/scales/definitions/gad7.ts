import type { ScaleDefinition } from '../types';
import { HELP_HOTLINE, PHQ_FREQUENCY_OPTIONS, PHQ_LICENCE, SCREENING_NOTE } from './common';

/**
 * GAD-7 (广泛性焦虑量表). Cut-offs 5 / 10 / 15; >= 10 is the usual referral point.
 * Crisis: none. GAD-7 asks nothing about self-harm, and severe anxiety alone is not a suicide
 * signal, so the severe band is not a crisis path; it still raises a red alert under the default
 * alert rules, so staff follow up.
 */
export const GAD7: ScaleDefinition = {
  code: 'gad-7',
  version: 1,
  title: '广泛性焦虑量表（GAD-7）',
  shortTitle: 'GAD-7',
  description: '用于自我了解最近两周的紧张、担忧等焦虑相关症状及其程度。结果仅供参考，不能代替专业诊断。',
  instructions: '在过去两个星期，有多少时候您受到以下任何问题所困扰？请根据实际情况，为每一题选择最符合的选项。',
  timeMinutes: 2,
  audience: 'adult',
  minAge: 18,
  maxAge: null,
  options: PHQ_FREQUENCY_OPTIONS,
  items: [
    { id: 'q1', text: '感觉紧张、焦虑或急切' },
    { id: 'q2', text: '不能够停止或控制担忧' },
    { id: 'q3', text: '对各种各样的事情担忧过多' },
    { id: 'q4', text: '很难放松下来' },
    { id: 'q5', text: '由于不安而无法静坐' },
    { id: 'q6', text: '变得容易烦恼或急躁' },
    { id: 'q7', text: '感到似乎将有可怕的事情发生而害怕' },
  ],
  scoring: { method: 'sum' },
  bands: [
    {
      min: 0,
      max: 4,
      severity: 0,
      level: 'none',
      label: '没有明显的焦虑症状',
      interpretation: `您最近两周几乎没有焦虑相关的困扰。${SCREENING_NOTE}`,
      advice: '继续保持规律作息和适量运动。遇到压力时，可以试试深呼吸、散步或和朋友聊聊。',
    },
    {
      min: 5,
      max: 9,
      severity: 1,
      level: 'mild',
      label: '可能有轻度焦虑症状',
      interpretation: `您最近两周有一些紧张或担忧，程度较轻，这在面对压力时很常见。${SCREENING_NOTE}`,
      advice: '可以尝试放松训练（如腹式呼吸、渐进式肌肉放松）、规律运动，减少咖啡和浓茶。建议两周后再做一次自评；如果困扰持续，欢迎到社区心理服务站咨询。',
    },
    {
      min: 10,
      max: 14,
      severity: 2,
      level: 'moderate',
      label: '可能有中度焦虑症状',
      interpretation: `您最近两周的焦虑困扰比较明显，可能已经影响到休息、工作或生活。${SCREENING_NOTE}`,
      advice: `建议您近期到医院的心理科、精神科，或所在街道（乡镇）的心理服务站做进一步评估。${HELP_HOTLINE}`,
    },
    {
      min: 15,
      max: 21,
      severity: 3,
      level: 'severe',
      label: '可能有重度焦虑症状',
      interpretation: `您最近两周承受着很重的焦虑困扰，您一定很辛苦。${SCREENING_NOTE}`,
      advice: `建议您尽快到医院精神科或心理科就诊，焦虑是可以有效缓解的。${HELP_HOTLINE}`,
    },
  ],
  critical: [],
  mostSevereBandIsCrisis: false,
  licence: PHQ_LICENCE,
  citation:
    'Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder: the GAD-7. Arch Intern Med. 2006;166(10):1092-1097.',
};
