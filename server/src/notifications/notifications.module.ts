import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionsModule } from '../regions/regions.module';
import { ResidentsModule } from '../residents/residents.module';
import { StaffModule } from '../staff/staff.module';
import { StaffBindingController } from './controllers/staff-binding.controller';
import { StaffNoticesController } from './controllers/staff-notices.controller';
import { SubscriptionsController } from './controllers/subscriptions.controller';
import { NotificationDelivery } from './entities/notification-delivery.entity';
import { RegionRobot } from './entities/region-robot.entity';
import { StaffNoticeContact } from './entities/staff-notice-contact.entity';
import { SubscribeGrant } from './entities/subscribe-grant.entity';
import { AdminLiveSender } from './services/admin-live.sender';
import { LiveHub } from './services/live-hub.service';
import { NotificationTopics } from './services/notification-topics';
import { NotificationsService } from './services/notifications.service';
import { SmsClient } from './services/sms.client';
import { SmsSender } from './services/sms.sender';
import { StaffContactsService } from './services/staff-contacts.service';
import { StaffNoticesService } from './services/staff-notices.service';
import { SubscriptionsService } from './services/subscriptions.service';
import { WechatSubscribeSender } from './services/wechat-subscribe.sender';
import { WecomRobotSender } from './services/wecom-robot.sender';

/**
 * Owns residents' subscribe-message accepts, every delivery record, and how staff are reached (their
 * bound WeChat and mobile, the regions' group robots, the admin's live streams). Owner modules import
 * it and use NotificationsService only.
 */
@Module({
  imports: [TypeOrmModule.forFeature([NotificationDelivery, SubscribeGrant, StaffNoticeContact, RegionRobot]), ResidentsModule, RegionsModule, StaffModule],
  controllers: [SubscriptionsController, StaffNoticesController, StaffBindingController],
  providers: [
    NotificationTopics,
    SubscriptionsService,
    StaffContactsService,
    LiveHub,
    SmsClient,
    WechatSubscribeSender,
    AdminLiveSender,
    WecomRobotSender,
    SmsSender,
    NotificationsService,
    StaffNoticesService,
  ],
  exports: [NotificationsService],
})
export class NotificationsModule {}
