import type { API_PREFIX } from '../common/api';
import type { components, paths } from './openapi';

/**
 * The operations of docs/openapi.json keyed by their path below `API_PREFIX` (`/admin/articles/{id}`),
 * the form both clients call with; each names its parameters, request body and answers.
 */
export type ApiPaths = {
  [P in keyof paths as P extends `${typeof API_PREFIX}${infer Rest}` ? Rest : never]: paths[P];
};

/** The document's named schemas: the request DTOs and the shared types the routes answer with. */
export type ApiSchemas = components['schemas'];
