/**
 * Help lines shown to residents. 12356 is the national unified psychological assistance hotline
 * (every region connected since 2025-05-01). Keep the wording in one place so it can be localised.
 */
export const HOTLINE_NUMBER = '12356';
export const HOTLINE_TITLE = '24 小时心理援助热线';
export const HOTLINE_DESCRIPTION = '全国统一心理援助热线，专业人员倾听与疏导';
export const EMERGENCY_NOTE = '如遇自伤、伤人等紧急危险，请立即拨打 110 或 120';
