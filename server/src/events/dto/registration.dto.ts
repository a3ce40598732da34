import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { OfferAnswerInput, RegistrationInput } from '@xinqiao/shared';
import { FieldLabel, Omittable } from '../../common/errors/validation';
import { MAX_INT } from '../../common/http/id-param';

/** Mainland mobile numbers: what sign-up asks for. */
export const MOBILE_RE = /^1[3-9]\d{9}$/;
/** A UUID or similar id made by the client once per attempt. */
export const CLIENT_ID_RE = /^[A-Za-z0-9-]{8,64}$/;

export class RegistrationInputDto implements RegistrationInput {
  @ApiPropertyOptional()
  @FieldLabel('姓名')
  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  name?: string;

  @ApiPropertyOptional()
  @FieldLabel('手机号')
  @Omittable()
  @IsString()
  @Matches(MOBILE_RE)
  phone?: string;

  @ApiProperty()
  @FieldLabel('个人信息授权版本')
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  consentVersion: number;

  @ApiPropertyOptional()
  @FieldLabel('加入候补')
  @Omittable()
  @IsBoolean()
  joinWaitlist?: boolean;

  @ApiPropertyOptional({ description: 'UUID made once per attempt' })
  @FieldLabel('请求编号')
  @Omittable()
  @IsString()
  @Matches(CLIENT_ID_RE)
  clientRequestId?: string;
}

export class OfferAnswerDto implements OfferAnswerInput {
  @ApiProperty()
  @FieldLabel('是否接受')
  @IsBoolean()
  accept: boolean;
}
