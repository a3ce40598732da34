import { ValidateBy } from 'class-validator';
import { chinaDayStart } from '@xinqiao/shared';

/** A real calendar date written `YYYY-MM-DD` (a China date), with no time of day. */
export const IsChinaDate = () =>
  ValidateBy({ name: 'isChinaDate', validator: { validate: (value: unknown) => typeof value === 'string' && chinaDayStart(value) !== null } });
