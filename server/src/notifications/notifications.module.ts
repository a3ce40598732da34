import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ResidentsModule } from '../residents/residents.module';
import { SubscriptionsController } from './controllers/subscriptions.controller';
import { NotificationDelivery } from './entities/notification-delivery.entity';
import { SubscribeGrant } from './entities/subscribe-grant.entity';
import { NotificationTopics } from './services/notification-topics';
import { NotificationsService } from './services/notifications.service';
import { SubscriptionsService } from './services/subscriptions.service';
import { WechatSubscribeSender } from './services/wechat-subscribe.sender';

/**
 * Owns residents' subscribe-message accepts and every delivery record. Owner modules import it and
 * use NotificationsService only.
 */
@Module({
  imports: [TypeOrmModule.forFeature([NotificationDelivery, SubscribeGrant]), ResidentsModule],
  controllers: [SubscriptionsController],
  providers: [NotificationTopics, SubscriptionsService, WechatSubscribeSender, NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsModule {}
