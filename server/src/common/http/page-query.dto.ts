import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_PAGE_SIZE, normalizePage, type Page } from '@xinqiao/shared';
import { FieldLabel } from '../errors/validation';

/** Every list endpoint's paging input; extend it with the list's own filters. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @FieldLabel('页码')
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @FieldLabel('每页条数')
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}

export function paging(query: PageQueryDto) {
  return normalizePage(query);
}

export function pageOf<T>(items: T[], total: number, p: { page: number; pageSize: number }): Page<T> {
  return { items, total, page: p.page, pageSize: p.pageSize };
}
