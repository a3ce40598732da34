import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { AppException } from '../errors/app-exception';

/**
 * The global ValidationPipe, except that
 * - a route taking a DTO body refuses a body that is not a JSON object (`null`, an array, a string, a
 *   number) with one clear answer: Nest would let `null` through as `{}` or validate `[...]` and `42`
 *   field by field, naming fields that are not the problem. No body at all is still an empty object
 *   (cookie sessions refresh without one), so the DTO names what is missing;
 * - path parameters reach their own pipes (IdParam) as sent: Nest would first turn `1e3` into 1000.
 */
export class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'param') return value;
    const notAnObject = typeof value !== 'object' || value === null || Array.isArray(value);
    if (metadata.type === 'body' && value !== undefined && notAnObject && this.toValidate(metadata)) {
      throw AppException.badRequest('请求体必须是 JSON 对象', undefined, 'VALIDATION_FAILED');
    }
    return super.transform(value, metadata);
  }
}
