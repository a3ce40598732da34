import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import {
  ATTENDANCE_STATUSES,
  EVENT_NOTIFICATION_KINDS,
  NOTIFICATION_STATUSES,
  REGISTRATION_STATUSES,
  type AttendanceStatus,
  type AttendeeQuery,
  type EventNotificationKind,
  type EventNotificationQuery,
  type NotificationStatus,
  type RegistrationStatus,
} from '@xinqiao/shared';
import { FieldLabel, Omittable } from '../../common/errors/validation';
import { PageQueryDto } from '../../common/http/page-query.dto';

export class AttendeeQueryDto extends PageQueryDto implements AttendeeQuery {
  @ApiPropertyOptional({ enum: REGISTRATION_STATUSES })
  @FieldLabel('报名状态')
  @Omittable()
  @IsIn(REGISTRATION_STATUSES)
  status?: RegistrationStatus;

  @ApiPropertyOptional({ enum: ATTENDANCE_STATUSES })
  @FieldLabel('签到状态')
  @Omittable()
  @IsIn(ATTENDANCE_STATUSES)
  attendance?: AttendanceStatus;

  @ApiPropertyOptional()
  @FieldLabel('关键词')
  @Omittable()
  @IsString()
  @MaxLength(32)
  keyword?: string;
}

export class EventNotificationQueryDto extends PageQueryDto implements EventNotificationQuery {
  @ApiPropertyOptional({ enum: EVENT_NOTIFICATION_KINDS })
  @FieldLabel('消息类型')
  @Omittable()
  @IsIn(EVENT_NOTIFICATION_KINDS)
  kind?: EventNotificationKind;

  @ApiPropertyOptional({ enum: NOTIFICATION_STATUSES })
  @FieldLabel('发送状态')
  @Omittable()
  @IsIn(NOTIFICATION_STATUSES)
  status?: NotificationStatus;
}
