import type { ScaleLicence, ScaleOption } from '../types';

/** Every result says it is a screening (精神卫生法 art. 23: refer, do not diagnose). */
export const SCREENING_NOTE = '本结果仅为自评筛查，不是医学诊断。';

/** Where to turn for help; shown from the moderate bands on. */
export const HELP_HOTLINE = '也可以拨打全国统一心理援助热线 12356，倾诉烦恼、获得专业建议。';

/** Crisis help, shown on every crisis path. */
export const CRISIS_HELP =
  '如果您现在有伤害自己或结束生命的想法，请立即拨打心理援助热线 12356 或希望24热线 400-161-9995，' +
  '或直接前往就近医院急诊；如有紧急危险，请拨打 120 或 110。请告诉一位您信任的人，不要独自承受。';

/** The same crisis help, addressed to a young person (PHQ-A). */
export const CRISIS_HELP_YOUTH =
  '如果你现在有伤害自己或结束生命的想法，请马上告诉家长、老师或你信任的大人，' +
  '并拨打心理援助热线 12356 或青少年服务台 12355；如有紧急危险，请拨打 120 或 110。你不是一个人，我们愿意帮你。';

/** PHQ-9, GAD-7 and PHQ-A share these four answers (the widely used Chinese version's wording). */
export const PHQ_FREQUENCY_OPTIONS: ScaleOption[] = [
  { value: 0, label: '完全不会' },
  { value: 1, label: '好几天' },
  { value: 2, label: '一半以上的天数' },
  { value: 3, label: '几乎每天' },
];

export const YES_NO_OPTIONS: ScaleOption[] = [
  { value: 0, label: '否' },
  { value: 1, label: '是' },
];

/** The PHQ family's licence, as the domain notes record it. */
export const PHQ_LICENCE: ScaleLicence = {
  name: 'PHQ/GAD 量表：免费使用，无需许可',
  url: 'https://www.phqscreeners.com/',
  freeForPublicService: true,
  note: '由 Robert L. Spitzer、Janet B.W. Williams、Kurt Kroenke 等编制，辉瑞公司提供教育资助；' + '复制、翻译、展示或分发均无需许可。请保留出处。',
};
