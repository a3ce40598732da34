import { Param, ParseIntPipe } from '@nestjs/common';
import { AppException } from '../errors/app-exception';

/** `:id` route parameter as a positive integer, with a zh-CN 400 otherwise. */
export const IdParam = (name = 'id') =>
  Param(
    name,
    new ParseIntPipe({ exceptionFactory: () => AppException.badRequest(`路径参数 ${name} 必须是正整数`, undefined, 'VALIDATION_FAILED') }),
  );
