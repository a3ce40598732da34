/** Pages of the self-assessment feature (the tab page is in the main package, the rest in packageScales). */
export const SCALES_TAB_URL = '/pages/scales/index';
export const SCALE_INTRO_URL = '/packageScales/pages/intro/index';
export const SCALE_TAKE_URL = '/packageScales/pages/take/index';
export const SCALE_RESULT_URL = '/packageScales/pages/result/index';
export const SCALE_HISTORY_URL = '/packageScales/pages/history/index';
export const HOTLINES_URL = '/packageScales/pages/hotlines/index';

const q = (code: string) => encodeURIComponent(code);

export const introUrl = (code: string) => `${SCALE_INTRO_URL}?code=${q(code)}`;
export const takeUrl = (code: string) => `${SCALE_TAKE_URL}?code=${q(code)}`;
/** A saved result, re-read from the server. */
export const resultUrlById = (id: number) => `${SCALE_RESULT_URL}?id=${id}`;
/** The result just submitted, handed over in memory (an anonymous result has no id to fetch). */
export const justSubmittedResultUrl = (code: string) => `${SCALE_RESULT_URL}?code=${q(code)}&fresh=1`;
