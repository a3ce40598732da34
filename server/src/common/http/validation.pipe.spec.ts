import { BadRequestException } from '@nestjs/common';
import { IsInt, IsOptional, Max } from 'class-validator';
import { Type } from 'class-transformer';
import { AppValidationPipe } from './validation.pipe';

class PagingQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Max(100)
  pageSize = 20;
}

class NeedsRegion {
  @Type(() => Number)
  @IsInt()
  regionId!: number;
}

const pipe = () => new AppValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true });
const query = (metatype: new () => object) => ({ type: 'query' as const, metatype });

describe('AppValidationPipe on an empty query string', () => {
  it('answers a fresh instance of the DTO, with its defaults, every time', async () => {
    const p = pipe();
    const first = await p.transform({}, query(PagingQuery));
    const second = await p.transform({}, query(PagingQuery));
    expect(first).toBeInstanceOf(PagingQuery);
    expect(second).toEqual({ pageSize: 20 });
    expect(second).not.toBe(first);
  });

  it('still validates a query that is not empty', async () => {
    const p = pipe();
    await p.transform({}, query(PagingQuery));
    await expect(p.transform({ pageSize: '500' }, query(PagingQuery))).rejects.toBeInstanceOf(BadRequestException);
  });

  it('refuses an empty query every time when the DTO requires a field', async () => {
    const p = pipe();
    await expect(p.transform({}, query(NeedsRegion))).rejects.toBeInstanceOf(BadRequestException);
    await expect(p.transform({}, query(NeedsRegion))).rejects.toBeInstanceOf(BadRequestException);
  });
});
