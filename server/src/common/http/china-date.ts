import { Param } from '@nestjs/common';
import { ValidateBy } from 'class-validator';
import { chinaDayStart } from '@xinqiao/shared';
import { AppException } from '../errors/app-exception';

/** A real calendar date written `YYYY-MM-DD` (a China date), with no time of day. */
export const IsChinaDate = () =>
  ValidateBy({ name: 'isChinaDate', validator: { validate: (value: unknown) => typeof value === 'string' && chinaDayStart(value) !== null } });

/** A `:date` route parameter that must be a China date `YYYY-MM-DD`, with a zh-CN 400 otherwise. */
export const ChinaDateParam = (name = 'date') =>
  Param(name, {
    transform: (value: string) => {
      if (chinaDayStart(value) === null) throw AppException.badRequest(`路径参数 ${name} 必须是日期，格式为 YYYY-MM-DD`, undefined, 'VALIDATION_FAILED');
      return value;
    },
  });
