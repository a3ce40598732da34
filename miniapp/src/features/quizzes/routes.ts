/** Pages of the quiz feature (the lists are on the home tab, the rest in packageQuizzes). */
export const HOME_URL = '/pages/index/index';
export const QUIZ_TAKE_URL = '/packageQuizzes/pages/take/index';
export const QUIZ_RESULT_URL = '/packageQuizzes/pages/result/index';
export const CAMPAIGN_URL = '/packageQuizzes/pages/campaign/index';

/** Also the path a QR code or a shared link opens; `campaignId` when started from a campaign. */
export const takeQuizUrl = (quizId: number, campaignId?: number | null) => `${QUIZ_TAKE_URL}?id=${quizId}${campaignId ? `&campaignId=${campaignId}` : ''}`;
/** The result just submitted, handed over in memory (there is no endpoint to read it again). */
export const quizResultUrl = (quizId: number) => `${QUIZ_RESULT_URL}?quizId=${quizId}`;
export const campaignUrl = (campaignId: number) => `${CAMPAIGN_URL}?id=${campaignId}`;

/** A positive integer id from a page query, else null. */
export function idParam(value: string | undefined): number | null {
  if (value === undefined || !/^\d+$/.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}
