import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { MAX_PAGE_SIZE, normalizePage, type Page } from '@xinqiao/shared';
import { FieldLabel, Omittable } from '../errors/validation';

/**
 * Highest page a list serves: past it the offset is absurd, and `page=1e300` (an integer to JavaScript)
 * would reach the SQL as `OFFSET 2e+301`.
 */
export const MAX_PAGE = 10_000;

/** Every list endpoint's paging input; extend it with the list's own filters. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @FieldLabel('页码')
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @FieldLabel('每页条数')
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}

/** A `true`/`false` query parameter; anything else stays as it is, for @IsBoolean() to refuse. */
export const QueryBoolean = () => Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

export function paging(query: PageQueryDto) {
  return normalizePage(query);
}

export function pageOf<T>(items: T[], total: number, p: { page: number; pageSize: number }): Page<T> {
  return { items, total, page: p.page, pageSize: p.pageSize };
}
