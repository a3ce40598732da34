import type { API_PREFIX } from '../common/api';
import type { components, paths } from './openapi';

/**
 * The operations of docs/openapi.json keyed by their path below `API_PREFIX` (`/admin/articles/{id}`),
 * the form both clients call with; each names its parameters, request body and answers.
 */
export type ApiPaths = {
  [P in keyof paths as P extends `${typeof API_PREFIX}${infer Rest}` ? Rest : never]: paths[P];
};

/** The document's named schemas (request DTOs today, shared response types once routes declare them). */
export type ApiSchemas = components['schemas'];

/**
 * A body or query the document does not describe yet, or describes wrongly (a `string | null` field
 * published as `type: object`, a comma-separated list as an array): checked against the caller's own
 * type only. Each use goes once the document describes the route correctly.
 */
export function unchecked<T>(value: T): never {
  return value as never;
}
