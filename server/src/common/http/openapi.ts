import { applyDecorators, RequestMethod, SetMetadata } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { ApiOperation, ApiResponse, type ApiResponseOptions } from '@nestjs/swagger';
import type { ErrorCode } from '@xinqiao/shared';

/**
 * What a route answers on success, by the name of an exported `@xinqiao/shared` type (the document's
 * component schemas are generated from those types, so the contract and the clients share one source):
 * - `'ArticleDetail'`: one object; `['RegionDto']`: an array; `{ page: 'ArticleSummary' }`: `Page<ArticleSummary>`;
 * - `{ file: 'text/csv' }`: a download or stream of that media type; `null`: no body (e.g. 204).
 */
export type Returns = string | [string] | { page: string } | { file: string } | null;

/** Every shared type a route names; the document builder generates a component schema for each. */
export const RETURNED_SCHEMAS = new Set<string>();
/** The shared types a route answers pages of; the document gets a `Page<T>` component for each. */
export const PAGED_SCHEMAS = new Set<string>();

export const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });
/** The component name of `Page<T>`. */
export const pageSchemaName = (item: string) => `${item}Page`;

function responseOf(status: number, returns: Returns): ApiResponseOptions {
  if (returns === null) return { status, description: '无返回内容' };
  if (typeof returns === 'string') {
    RETURNED_SCHEMAS.add(returns);
    return { status, description: '成功', schema: schemaRef(returns) };
  }
  if (Array.isArray(returns)) {
    RETURNED_SCHEMAS.add(returns[0]);
    return { status, description: '成功', schema: { type: 'array', items: schemaRef(returns[0]) } };
  }
  if ('page' in returns) {
    RETURNED_SCHEMAS.add(returns.page);
    PAGED_SCHEMAS.add(returns.page);
    return { status, description: '成功（分页）', schema: schemaRef(pageSchemaName(returns.page)) };
  }
  return { status, description: '文件', content: { [returns.file]: { schema: { type: 'string', format: 'binary' } } } };
}

/**
 * A route's contract: a one-line summary and its success answer. Write it ABOVE the route's
 * `@Get`/`@Post`/`@HttpCode` decorators (decorators apply bottom-up): it reads the method and status
 * they set, and refuses to start without them, so the documented status is always the real one.
 */
export function Endpoint(summary: string, returns: Returns): MethodDecorator {
  return (target, key, descriptor) => {
    const handler = descriptor.value as object;
    const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
    if (method === undefined) {
      throw new Error(`@Endpoint on ${target.constructor.name}.${String(key)} must be written above its @Get/@Post/... decorator`);
    }
    const status = (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ?? (method === RequestMethod.POST ? 201 : 200);
    applyDecorators(ApiOperation({ summary }), ApiResponse(responseOf(status, returns)))(target, key, descriptor);
  };
}

export const CONFLICTS_KEY = 'xq:api-conflicts';

/**
 * The 409 answers a route can give, by their stable codes (e.g. `@ApiConflicts('SLOT_TAKEN', 'HOLD_EXPIRED')`);
 * the document declares a 409 only on routes that say so.
 */
export const ApiConflicts = (...codes: [ErrorCode, ...ErrorCode[]]) => SetMetadata(CONFLICTS_KEY, codes);
