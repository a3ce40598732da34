import type { ScaleLicence, ScaleOption } from '../types';

/** Zung SDS and SAS answers: how much of the past week. */
export const ZUNG_OPTIONS: ScaleOption[] = [
  { value: 1, label: '没有或很少时间' },
  { value: 2, label: '小部分时间' },
  { value: 3, label: '相当多时间' },
  { value: 4, label: '绝大部分或全部时间' },
];

export const ZUNG_INSTRUCTIONS = '下面有 20 条文字，请仔细阅读每一条，把意思弄明白，然后根据您最近一星期的实际感觉，选择最符合的选项。';

export const ZUNG_LICENCE: ScaleLicence = {
  name: '授权情况未核实（UNVERIFIED）',
  freeForPublicService: false,
  note:
    'UNVERIFIED：Zung 量表中文版在国内研究和临床中广泛使用，但本平台未找到明确的授权声明，因此默认未标记为可免费用于公共服务。' +
    '管理员核实授权后可修改此项并启用。',
};

/** Chinese versions as published in 《心理卫生评定量表手册》 (汪向东等, 1999), which also gives the China norms. */
export const ZUNG_CHINESE_SOURCE = '汪向东，王希林，马弘. 心理卫生评定量表手册（增订版）. 北京：中国心理卫生杂志社，1999.';
