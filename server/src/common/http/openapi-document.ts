import { RequestMethod, type INestApplication, type Type } from '@nestjs/common';
import { METHOD_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject, ReferenceObject, ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ACCESS_KEY, type AccessRule } from '../access/decorators';
import { CONFLICTS_KEY, PAGED_SCHEMAS, pageSchemaName, RETURNED_SCHEMAS, schemaRef } from './openapi';
import committedSchemas from './openapi-schemas.json';

type SchemaMap = Record<string, Record<string, unknown>>;

/** The command that regenerates `openapi-schemas.json`, docs/openapi.json and docs/api.md. */
export const REGENERATE_COMMAND = 'pnpm --filter @xinqiao/server openapi';

/** The schema of every error answer (`ApiError` of shared/src/api.ts). */
export const ERROR_SCHEMA = 'ApiError';

/** Shared types the document needs whatever the routes answer. */
export const DOCUMENT_SCHEMAS = [ERROR_SCHEMA];

const BEARER = 'bearer';

/** What the document says about one route, read from the decorators on its handler. */
export interface RouteFacts {
  module: string;
  access: AccessRule;
  /** Takes a body, query or path parameters (validated: a bad one answers 400). */
  takesInput: boolean;
  conflicts: string[];
}

const errorAnswer = (description: string): ResponseObject => ({ description, content: { 'application/json': { schema: schemaRef(ERROR_SCHEMA) } } });

/** Error answers every route shares, referred to from the operations. */
const ERROR_RESPONSES: Record<string, ResponseObject> = {
  BadRequest: errorAnswer('请求有误：参数、查询或请求体未通过校验（VALIDATION_FAILED、BAD_REQUEST 等）'),
  Unauthorized: errorAnswer('未登录，或登录已过期（UNAUTHENTICATED、TOKEN_EXPIRED）'),
  Forbidden: errorAnswer('无权访问（FORBIDDEN、PASSWORD_CHANGE_REQUIRED、REGION_OUT_OF_SCOPE 等）'),
  NotFound: errorAnswer('资源不存在（NOT_FOUND）'),
  TooManyRequests: errorAnswer('请求过于频繁（RATE_LIMITED、LOGIN_THROTTLED），稍后再试'),
};
const responseRef = (name: keyof typeof ERROR_RESPONSES) => ({ $ref: `#/components/responses/${name}` });

/** `Page<T>` of shared/src/api.ts as a component. */
export function pageSchema(item: string): Record<string, unknown> {
  return {
    type: 'object',
    properties: {
      items: { type: 'array', items: schemaRef(item) },
      total: { type: 'integer', minimum: 0 },
      page: { type: 'integer', minimum: 1 },
      pageSize: { type: 'integer', minimum: 1 },
    },
    required: ['items', 'total', 'page', 'pageSize'],
    additionalProperties: false,
  };
}

/** The error answers a route can give, derived from its facts; only what can actually happen. */
export function errorResponses(facts: RouteFacts, hasPathParams: boolean): Record<string, ResponseObject | ReferenceObject> {
  const out: Record<string, ResponseObject | ReferenceObject> = {};
  if (facts.takesInput) out['400'] = responseRef('BadRequest');
  if (facts.access.who !== 'public') {
    out['401'] = responseRef('Unauthorized');
    out['403'] = responseRef('Forbidden');
  }
  if (hasPathParams) out['404'] = responseRef('NotFound');
  if (facts.conflicts.length) out['409'] = errorAnswer(`冲突：${facts.conflicts.join('、')}`);
  // The global throttler counts every route (API_RATE_PER_MINUTE); none is exempt.
  out['429'] = responseRef('TooManyRequests');
  return out;
}

export const securityOf = (access: AccessRule) => (access.who === 'public' ? [] : [{ [BEARER]: [] }]);

/** Who may call, for people reading the document (the guard enforces the same rule). */
export function accessExtension(access: AccessRule): Record<string, unknown> {
  if (access.who === 'staff') {
    return { who: 'staff', ...(access.permissions.length ? { permissions: access.permissions } : {}), ...(access.anyOf ? { anyOf: access.anyOf } : {}) };
  }
  if (access.who === 'resident_or_staff') return { who: access.who, ...(access.permissions.length ? { permissions: access.permissions } : {}) };
  return { who: access.who };
}

const INPUT_ARGS = new Set<number>([RouteParamtypes.BODY, RouteParamtypes.QUERY, RouteParamtypes.PARAM, RouteParamtypes.FILE, RouteParamtypes.FILES]);
const BODY_METHODS = new Set<number>([RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH]);

/** A route's facts from its controller class and method name. */
export function routeFacts(controller: Type, method: string, module: string): RouteFacts {
  const handler = (controller.prototype as Record<string, object>)[method];
  const access = (Reflect.getMetadata(ACCESS_KEY, handler) ?? Reflect.getMetadata(ACCESS_KEY, controller) ?? { who: 'staff', permissions: [] }) as AccessRule;
  const args = Object.keys((Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as object).map((k) => Number(k.split(':')[0]));
  // A POST/PUT/PATCH body that is not valid JSON is a 400 before any handler runs.
  const takesInput = args.some((a) => INPUT_ARGS.has(a)) || BODY_METHODS.has(Reflect.getMetadata(METHOD_METADATA, handler) as number);
  return { module, access, takesInput, conflicts: (Reflect.getMetadata(CONFLICTS_KEY, handler) as string[] | undefined) ?? [] };
}

const tagOf = (moduleClass: string) => moduleClass.replace(/Module$/, '').replace(/^[A-Z]/, (c) => c.toLowerCase());

/** Every controller of the app by class name, with the tag of its module. */
function controllersOf(app: INestApplication): Map<string, { controller: Type; tag: string }> {
  const out = new Map<string, { controller: Type; tag: string }>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type;
      if (out.has(controller.name)) throw new Error(`two controllers are named ${controller.name}; operation ids need unique names`);
      out.set(controller.name, { controller, tag: tagOf(module.metatype.name) });
    }
  }
  return out;
}

/** The component schemas routes refer to, from the generated shared schemas; a name without one fails. */
export function componentSchemas(shared: SchemaMap): SchemaMap {
  const out: SchemaMap = { ...shared };
  for (const name of [...RETURNED_SCHEMAS, ...DOCUMENT_SCHEMAS]) {
    if (!shared[name]) throw new Error(`@xinqiao/shared type "${name}" has no generated schema: export it from shared and run \`${REGENERATE_COMMAND}\``);
  }
  for (const item of PAGED_SCHEMAS) out[pageSchemaName(item)] = pageSchema(item);
  return out;
}

/**
 * The OpenAPI document of the app: the routes as Nest sees them, with the summaries and success
 * answers of `@Endpoint`, component schemas generated from `@xinqiao/shared`, and security and error
 * answers derived from each route's access rule and parameters. `shared` defaults to the schemas
 * generated at build time (openapi-schemas.json).
 */
export function buildOpenApiDocument(app: INestApplication, shared: SchemaMap = committedSchemas as SchemaMap): OpenAPIObject {
  const controllers = controllersOf(app);
  const routes = new Map<string, { controller: string; method: string }>();
  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('心桥 XinQiao API')
      .setDescription('社会心理服务平台接口。错误统一为 ApiError：{ statusCode, code, message, details? }，code 稳定、message 为中文。说明见 docs/api.md。')
      .setVersion('1')
      .addServer('http://localhost:3000', '本地（npm start）')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER)
      .build(),
    {
      operationIdFactory: (controller, method) => {
        const id = `${controller.replace(/Controller$/, '').replace(/^[A-Z]/, (c) => c.toLowerCase())}_${method}`;
        routes.set(id, { controller, method });
        return id;
      },
    },
  );
  const tags = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [verb, operation] of Object.entries(item) as [string, OperationObject][]) {
      if (typeof operation !== 'object' || !operation.operationId) continue;
      const route = routes.get(operation.operationId);
      const owner = route && controllers.get(route.controller);
      if (!route || !owner) throw new Error(`${verb.toUpperCase()} ${path}: no controller found for operation ${operation.operationId}`);
      const facts = routeFacts(owner.controller, route.method, owner.tag);
      const hasPathParams = (operation.parameters ?? []).some((p) => 'in' in p && p.in === 'path');
      operation.tags = [owner.tag];
      tags.add(owner.tag);
      operation.security = securityOf(facts.access);
      operation.responses = { ...operation.responses, ...errorResponses(facts, hasPathParams) };
      (operation as OperationObject & { 'x-access'?: unknown })['x-access'] = accessExtension(facts.access);
    }
  }
  const generated = doc.components?.schemas ?? {};
  const sharedComponents = componentSchemas(shared);
  for (const name of Object.keys(generated)) {
    if (sharedComponents[name]) throw new Error(`component "${name}" is both a DTO class and a shared type; rename the DTO class`);
  }
  doc.components = { ...doc.components, schemas: { ...generated, ...sharedComponents }, responses: ERROR_RESPONSES };
  doc.tags = [...tags].sort().map((name) => ({ name }));
  return doc;
}
