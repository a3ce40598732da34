import 'reflect-metadata';
import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
const DECORATORS = { API_RESPONSE: 'swagger/apiResponse', API_OPERATION: 'swagger/apiOperation' };
import { Endpoint, PAGED_SCHEMAS, RETURNED_SCHEMAS } from './openapi';

const responsesOf = (fn: unknown) => Reflect.getMetadata(DECORATORS.API_RESPONSE, fn as object) as Record<string, { schema?: unknown; content?: unknown }>;
const summaryOf = (fn: unknown) => (Reflect.getMetadata(DECORATORS.API_OPERATION, fn as object) as { summary: string }).summary;

describe('@Endpoint', () => {
  @Controller('x')
  class X {
    @Endpoint('读一个', 'ArticleDetail')
    @Get(':id')
    one() {}

    @Endpoint('建一个', ['RegionDto'])
    @Post()
    create() {}

    @Endpoint('删一个', null)
    @HttpCode(204)
    @Delete(':id')
    remove() {}

    @Endpoint('分页', { page: 'ArticleSummary' })
    @Get()
    list() {}

    @Endpoint('导出', { file: 'text/csv' })
    @Post('export')
    @HttpCode(200)
    exportCsv() {}
  }

  it('takes the status from the route: 200 for GET, 201 for POST, @HttpCode when given', () => {
    expect(Object.keys(responsesOf(X.prototype.one))).toEqual(['200']);
    expect(Object.keys(responsesOf(X.prototype.create))).toEqual(['201']);
    expect(Object.keys(responsesOf(X.prototype.remove))).toEqual(['204']);
    expect(Object.keys(responsesOf(X.prototype.exportCsv))).toEqual(['200']);
  });

  it('refers to the shared type by name and records it for the document', () => {
    expect(responsesOf(X.prototype.one)['200'].schema).toEqual({ $ref: '#/components/schemas/ArticleDetail' });
    expect(responsesOf(X.prototype.create)['201'].schema).toEqual({ type: 'array', items: { $ref: '#/components/schemas/RegionDto' } });
    expect(responsesOf(X.prototype.list)['200'].schema).toEqual({ $ref: '#/components/schemas/ArticleSummaryPage' });
    expect(responsesOf(X.prototype.exportCsv)['200'].content).toEqual({ 'text/csv': { schema: { type: 'string', format: 'binary' } } });
    expect([...RETURNED_SCHEMAS].sort()).toEqual(['ArticleDetail', 'ArticleSummary', 'RegionDto']);
    expect([...PAGED_SCHEMAS]).toEqual(['ArticleSummary']);
    expect(summaryOf(X.prototype.one)).toBe('读一个');
  });

  it('refuses to be written below the route decorator', () => {
    expect(() => {
      class Y {
        @Get()
        @Endpoint('错序', null)
        wrong() {}
      }
      return Y;
    }).toThrow(/must be written above its @Get/);
  });
});
