import 'reflect-metadata';
import { Body, Controller, Delete, Get, HttpCode, Module, Param, Post, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { Public, ResidentOnly, StaffOnly, StaffWithAny } from '../access/decorators';
import { ApiConflicts, Endpoint } from './openapi';
import { buildOpenApiDocument, componentSchemas, ERROR_SCHEMA } from './openapi-document';
import { renderOperations } from './openapi-markdown';
import { generateSharedSchemas, toOpenApi } from './openapi-schemas';

class ListQuery {
  keyword?: string;
}

@Controller('fixture')
class FixtureController {
  @Public()
  @Endpoint('公开列表', { page: 'ArticleSummary' })
  @Get()
  list(@Query() _q: ListQuery) {}

  @Public()
  @Endpoint('公开概况', 'ArticleDetail')
  @Get('overview')
  overview() {}

  @StaffOnly('articles.edit')
  @ApiConflicts('CONFLICT', 'INVALID_STATE')
  @Endpoint('发布', 'ArticleDetail')
  @HttpCode(200)
  @Post(':id/publish')
  publish(@Param('id') _id: string, @Body() _b: object) {}

  @ResidentOnly()
  @Endpoint('删除我的', null)
  @HttpCode(204)
  @Delete('mine')
  removeMine() {}

  @StaffWithAny('events.manage', 'events.checkin')
  @Endpoint('名单', ['RegionDto'])
  @Get('roster')
  roster() {}
}

@Module({ controllers: [FixtureController] })
class FixtureModule {}

describe('the OpenAPI document builder', () => {
  let app: NestFastifyApplication;
  let doc: OpenAPIObject;
  const op = (path: string, method: 'get' | 'post' | 'delete') => doc.paths[`/api/fixture${path}`][method]!;

  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(FixtureModule, new FastifyAdapter(), { logger: false });
    app.setGlobalPrefix('api');
    doc = buildOpenApiDocument(app, generateSharedSchemas(['ArticleDetail', 'ArticleSummary', 'RegionDto', ERROR_SCHEMA]));
  });
  afterAll(() => app.close());

  it('declares security from the access rule: none for public routes, the bearer token otherwise', () => {
    expect(op('', 'get').security).toEqual([]);
    expect(op('/{id}/publish', 'post').security).toEqual([{ bearer: [] }]);
    expect(op('/mine', 'delete').security).toEqual([{ bearer: [] }]);
    expect(op('/roster', 'get')).toMatchObject({ 'x-access': { who: 'staff', anyOf: ['events.manage', 'events.checkin'] } });
    expect(doc.components?.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('derives the error answers from the route: 400 for input, 401/403 unless public, 404 for path ids, 409 when declared, 429 always', () => {
    const errors = (o: { responses: object }) => Object.keys(o.responses).filter((s) => s >= '400');
    expect(errors(op('', 'get'))).toEqual(['400', '429']);
    expect(errors(op('/overview', 'get'))).toEqual(['429']);
    expect(errors(op('/{id}/publish', 'post'))).toEqual(['400', '401', '403', '404', '409', '429']);
    expect(errors(op('/mine', 'delete'))).toEqual(['401', '403', '429']);
    expect(op('/{id}/publish', 'post').responses['409']).toMatchObject({ description: '冲突：CONFLICT、INVALID_STATE' });
    expect(op('/mine', 'delete').responses['401']).toEqual({ $ref: '#/components/responses/Unauthorized' });
  });

  it('names each operation and tags it with its module', () => {
    expect(op('/{id}/publish', 'post')).toMatchObject({ operationId: 'fixture_publish', tags: ['fixture'], summary: '发布' });
    expect(doc.tags).toEqual([{ name: 'fixture' }]);
  });

  it('generates component schemas from the shared types, in OpenAPI 3.0 form', () => {
    const schemas = doc.components!.schemas!;
    expect(schemas.ArticleDetail).toMatchObject({ type: 'object', properties: { id: { type: 'number' }, title: { type: 'string' } } });
    expect(JSON.stringify(schemas)).not.toMatch(/#\/definitions\/|"const"|"\$schema"/);
    expect(schemas[ERROR_SCHEMA]).toMatchObject({
      required: ['statusCode', 'code', 'message'],
      properties: { code: { $ref: '#/components/schemas/ErrorCode' } },
    });
  });

  it('answers Page<T> as a component of its own', () => {
    expect(op('', 'get').responses['200']).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/ArticleSummaryPage' } } } });
    expect(doc.components!.schemas!.ArticleSummaryPage).toMatchObject({
      required: ['items', 'total', 'page', 'pageSize'],
      properties: { items: { type: 'array', items: { $ref: '#/components/schemas/ArticleSummary' } } },
    });
    expect(renderOperations(doc)).toContain('| GET | /api/fixture | public | 公开列表 | 200 `Page<ArticleSummary>` | 400 429 |');
  });

  it('fails loudly on a name that is not an exported shared type', () => {
    expect(() => generateSharedSchemas(['NoSuchSharedType'])).toThrow(/"NoSuchSharedType" is not an exported type of @xinqiao\/shared/);
    expect(() => componentSchemas({})).toThrow(/has no generated schema.*pnpm --filter @xinqiao\/server openapi/);
  });

  it('translates nullable and constant draft-7 forms, and refuses what OpenAPI 3.0 cannot say', () => {
    expect(toOpenApi({ type: ['string', 'null'] }, 'x')).toEqual({ type: 'string', nullable: true });
    expect(toOpenApi({ anyOf: [{ $ref: '#/definitions/A' }, { type: 'null' }] }, 'x')).toEqual({ allOf: [{ $ref: '#/components/schemas/A' }], nullable: true });
    expect(toOpenApi({ const: 'draft' }, 'x')).toEqual({ enum: ['draft'] });
    expect(() => toOpenApi({ if: { type: 'string' } }, 'X.y')).toThrow(/X.y: JSON Schema keyword "if"/);
  });

  it('keeps the fields Required<T> makes required, and gives each nullable schema the type OpenAPI 3.0 wants beside it', () => {
    const schemas = generateSharedSchemas(['CampaignDto', 'StaffCheckinItemResult', 'UpliftReport']);
    const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
    expect(schemas.CampaignDto.required).toEqual(expect.arrayContaining(['title', 'startsOn', 'regionId', 'regionIds', 'targets']));
    expect(schemas.UpliftReport.properties).toMatchObject({ paired: { type: 'object', nullable: true, allOf: [ref('PairedUplift')] } });
    expect(schemas.StaffCheckinItemResult.properties).toMatchObject({
      reason: { type: 'string', nullable: true, allOf: [{ anyOf: [ref('CheckinRefusal'), ref('TicketRefusal')] }] },
    });
  });
});
