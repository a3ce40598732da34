import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { FieldLabel } from '../common/errors/validation';
import { PageQueryDto } from '../common/http/page-query.dto';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @FieldLabel('操作人') @IsOptional() @IsString() @MaxLength(64)
  actorName?: string;

  @ApiPropertyOptional({ description: 'Action prefix, e.g. `article.`' }) @FieldLabel('操作') @IsOptional() @IsString() @MaxLength(64)
  action?: string;

  @ApiPropertyOptional() @FieldLabel('对象类型') @IsOptional() @IsString() @MaxLength(32)
  resourceType?: string;

  @ApiPropertyOptional({ enum: ['success', 'failure'] }) @FieldLabel('结果') @IsOptional() @IsIn(['success', 'failure'])
  outcome?: 'success' | 'failure';

  @ApiPropertyOptional() @FieldLabel('开始时间') @IsOptional() @IsISO8601()
  from?: string;

  @ApiPropertyOptional() @FieldLabel('结束时间') @IsOptional() @IsISO8601()
  to?: string;
}
