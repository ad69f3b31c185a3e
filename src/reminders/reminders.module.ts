import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { DirectAccessModule } from '../direct-access/direct-access.module';
import { IntakeModule } from '../intake/intake.module';
import { PatientsModule } from '../patients/patients.module';
import { PlansModule } from '../plans/plans.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { AppointmentEmailsListener } from './appointment-emails.listener';
import { QueueName } from '../kernel/queue-names';
import { EmailLinks } from './email-links';
import { EmailTimelineSource } from './email-timeline';
import { EpisodeEmailsListener } from './episode-emails.listener';
import { HomeProgrammeEmailsSender } from './home-programme-emails.sender';
import { Mailer } from './mailer';
import { Notification } from './notification.entity';
import { NotificationDeliveryService } from './notification-delivery.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { OutboxService } from './outbox.service';
import { PatientEmailsPolicy } from './patient-emails.policy';
import { StaffDigestsService } from './staff-digests.service';
import { UnsubscribeController } from './unsubscribe.controller';
import { WaitlistOfferLinkController } from './waitlist-offer-link.controller';

/**
 * Patient emails: the outbox other modules write to in their transactions, the admin view, and
 * one-click unsubscribe. The relay and the queue worker are registered by WorkersModule.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Notification]),
    BullModule.registerQueue({ name: QueueName.Notifications }, { name: QueueName.StaffDigests }),
    DirectAccessModule,
    AuditModule,
    IntakeModule,
    PatientsModule,
    PlansModule,
    SchedulingModule,
  ],
  controllers: [NotificationsController, UnsubscribeController, WaitlistOfferLinkController],
  providers: [
    AppointmentEmailsListener,
    EpisodeEmailsListener,
    HomeProgrammeEmailsSender,
    OutboxService,
    NotificationsService,
    EmailLinks,
    Mailer,
    NotificationDeliveryService,
    PatientEmailsPolicy,
    StaffDigestsService,
    EmailTimelineSource,
  ],
  exports: [
    OutboxService,
    NotificationDeliveryService,
    EmailLinks,
    StaffDigestsService,
    BullModule,
  ],
})
export class RemindersModule {}
