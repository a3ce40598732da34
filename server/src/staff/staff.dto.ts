import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { STAFF_ROLES, type StaffCreateInput, type StaffPasswordInput, type StaffQuery, type StaffRole, type StaffUpdateInput } from '@xinqiao/shared';
import { FieldLabel, Omittable } from '../common/errors/validation';
import { IsId } from '../common/http/id-param';
import { PageQueryDto } from '../common/http/page-query.dto';

export class StaffQueryDto extends PageQueryDto implements StaffQuery {
  @ApiPropertyOptional({ enum: STAFF_ROLES })
  @FieldLabel('角色')
  @Omittable()
  @IsIn(STAFF_ROLES)
  role?: StaffRole;

  @ApiPropertyOptional()
  @FieldLabel('区域')
  @Omittable()
  @Type(() => Number)
  @IsId()
  regionId?: number;

  @ApiPropertyOptional()
  @FieldLabel('关键词')
  @Omittable()
  @IsString()
  @MaxLength(64)
  keyword?: string;
}

export class UpdateStaffDto implements StaffUpdateInput {
  @ApiPropertyOptional()
  @FieldLabel('姓名')
  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  displayName?: string;

  @ApiPropertyOptional({ enum: STAFF_ROLES })
  @FieldLabel('角色')
  @Omittable()
  @IsIn(STAFF_ROLES)
  role?: StaffRole;

  @ApiPropertyOptional()
  @FieldLabel('所属区域')
  @Omittable()
  @IsId()
  regionId?: number;

  @ApiPropertyOptional()
  @FieldLabel('停用')
  @Omittable()
  @IsBoolean()
  disabled?: boolean;
}

export class PasswordDto implements StaffPasswordInput {
  @ApiProperty()
  @FieldLabel('密码')
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  password: string;
}

export class CreateStaffDto extends PasswordDto implements StaffCreateInput {
  @ApiProperty({ example: 'zhang_san' })
  @FieldLabel('用户名')
  @IsString()
  @Matches(/^[A-Za-z][A-Za-z0-9_.-]{2,31}$/, { message: 'username' })
  username: string;

  @ApiProperty()
  @FieldLabel('姓名')
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  displayName: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @FieldLabel('角色')
  @IsIn(STAFF_ROLES)
  role: StaffRole;

  @ApiProperty()
  @FieldLabel('所属区域')
  @IsId()
  regionId: number;
}
