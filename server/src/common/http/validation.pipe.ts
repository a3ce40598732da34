import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { AppException } from '../errors/app-exception';

/**
 * The global ValidationPipe, except that
 * - a route taking a DTO body refuses a body that is not a JSON object (`null`, an array, a string, a
 *   number) with one clear answer: Nest would let `null` through as `{}` or validate `[...]` and `42`
 *   field by field, naming fields that are not the problem. No body at all is still an empty object
 *   (cookie sessions refresh without one), so the DTO names what is missing;
 * - path parameters reach their own pipes (IdParam) as sent: Nest would first turn `1e3` into 1000;
 * - an empty query string is validated once per DTO: its verdict cannot change (nothing but the DTO's
 *   own defaults is checked), and it is what most public reads send.
 */
export class AppValidationPipe extends ValidationPipe {
  /** Query DTOs that an empty query string has passed. */
  private readonly emptyQueryPasses = new WeakSet<object>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'param') return value;
    const emptyQuery = metadata.type === 'query' && isEmptyObject(value) && this.toValidate(metadata);
    if (emptyQuery && this.emptyQueryPasses.has(metadata.metatype!)) return plainToInstance(metadata.metatype!, {}, this.transformOptions);
    const notAnObject = typeof value !== 'object' || value === null || Array.isArray(value);
    if (metadata.type === 'body' && value !== undefined && notAnObject && this.toValidate(metadata)) {
      throw AppException.badRequest('请求体必须是 JSON 对象', undefined, 'VALIDATION_FAILED');
    }
    const out = await super.transform(value, metadata);
    if (emptyQuery && this.isTransformEnabled) this.emptyQueryPasses.add(metadata.metatype!);
    return out;
  }
}

const isEmptyObject = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
