import { ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditOutcome, AuditQuery } from '@xinqiao/shared';
import { IsIn, IsISO8601, IsString, MaxLength } from 'class-validator';
import { FieldLabel, Omittable } from '../common/errors/validation';
import { PageQueryDto } from '../common/http/page-query.dto';

export class AuditQueryDto extends PageQueryDto implements AuditQuery {
  @ApiPropertyOptional()
  @FieldLabel('操作人')
  @Omittable()
  @IsString()
  @MaxLength(64)
  actorName?: string;

  @ApiPropertyOptional({ description: 'Action prefix, e.g. `article.`' })
  @FieldLabel('操作')
  @Omittable()
  @IsString()
  @MaxLength(64)
  action?: string;

  @ApiPropertyOptional()
  @FieldLabel('对象类型')
  @Omittable()
  @IsString()
  @MaxLength(32)
  resourceType?: string;

  @ApiPropertyOptional({ enum: ['success', 'failure', 'pending'] })
  @FieldLabel('结果')
  @Omittable()
  @IsIn(['success', 'failure', 'pending'])
  outcome?: AuditOutcome;

  @ApiPropertyOptional()
  @FieldLabel('开始时间')
  @Omittable()
  @IsISO8601()
  from?: string;

  @ApiPropertyOptional()
  @FieldLabel('结束时间')
  @Omittable()
  @IsISO8601()
  to?: string;
}
