import { BOOKING_CONSENT_VERSION } from '@xinqiao/shared';

/** What the resident agrees to (the version is sent with the booking; the server refuses an old one). */
export const BOOKING_CONSENT_TEXT = `我已阅读并同意：心桥保存本次预约的服务类型、时间、站点和咨询师，以及我留下的联系电话和年龄段（未满 14 周岁时还有监护人的姓名和关系），用于安排咨询、发送提醒和处理改期或取消；只有负责本次预约的咨询师（或热线值班人员）和站点工作人员可以查看，每次查看都会留下记录。（规则版本 ${BOOKING_CONSENT_VERSION}）`;

export const SENSITIVE_CONSENT_TEXT =
  '我同意提供咨询主题和情况说明（属于敏感个人信息），只给负责本次咨询的咨询师查看，方便提前了解情况。不同意也可以不填，直接预约。';
