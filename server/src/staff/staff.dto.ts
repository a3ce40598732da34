import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { STAFF_ROLES, type StaffRole } from '@xinqiao/shared';
import { FieldLabel } from '../common/errors/validation';
import { PageQueryDto } from '../common/http/page-query.dto';

export class StaffQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STAFF_ROLES }) @FieldLabel('角色') @IsOptional() @IsIn(STAFF_ROLES)
  role?: StaffRole;

  @ApiPropertyOptional() @FieldLabel('区域') @IsOptional() @Type(() => Number) @IsInt()
  regionId?: number;

  @ApiPropertyOptional() @FieldLabel('关键词') @IsOptional() @IsString() @MaxLength(64)
  keyword?: string;
}

export class UpdateStaffDto {
  @ApiPropertyOptional() @FieldLabel('姓名') @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64)
  displayName?: string;

  @ApiPropertyOptional({ enum: STAFF_ROLES }) @FieldLabel('角色') @IsOptional() @IsIn(STAFF_ROLES)
  role?: StaffRole;

  @ApiPropertyOptional() @FieldLabel('所属区域') @IsOptional() @IsInt()
  regionId?: number;

  @ApiPropertyOptional() @FieldLabel('停用') @IsOptional() @IsBoolean()
  disabled?: boolean;
}

export class PasswordDto {
  @ApiProperty() @FieldLabel('密码') @IsString() @IsNotEmpty() @MaxLength(128)
  password: string;
}

export class CreateStaffDto extends PasswordDto {
  @ApiProperty() @FieldLabel('用户名') @IsString() @Matches(/^[A-Za-z][A-Za-z0-9_.-]{2,31}$/, { message: 'username' })
  username: string;

  @ApiProperty() @FieldLabel('姓名') @IsString() @IsNotEmpty() @MaxLength(64)
  displayName: string;

  @ApiProperty({ enum: STAFF_ROLES }) @FieldLabel('角色') @IsIn(STAFF_ROLES)
  role: StaffRole;

  @ApiProperty() @FieldLabel('所属区域') @IsInt()
  regionId: number;
}
