import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../../common/pagination/page';
import type { Notification } from '../notification.entity';
import {
  NOTIFICATION_KINDS,
  NOTIFICATION_STATUSES,
  type NotificationKind,
  type NotificationStatus,
} from '../rules/notification-plan';

export class NotificationQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: NOTIFICATION_STATUSES,
    description: 'Only notifications in this state',
  })
  @IsOptional()
  @IsIn(NOTIFICATION_STATUSES)
  status?: NotificationStatus;

  @ApiPropertyOptional({ enum: NOTIFICATION_KINDS, description: 'Only notifications of this kind' })
  @IsOptional()
  @IsIn(NOTIFICATION_KINDS)
  kind?: NotificationKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only notifications to this patient' })
  @IsOptional()
  @IsUUID()
  patientId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only notifications about this appointment' })
  @IsOptional()
  @IsUUID()
  appointmentId?: string;
}

/** A notification as admins see it: its state and timing, never the email's content. */
export class NotificationDto {
  @ApiProperty({ format: 'uuid', description: 'The notification' })
  id!: string;

  @ApiProperty({
    enum: NOTIFICATION_KINDS,
    example: 'appointment_reminder',
    description: 'Which email it is',
  })
  kind!: NotificationKind;

  @ApiProperty({
    enum: NOTIFICATION_STATUSES,
    description:
      'pending: waiting for its time; sending: handed to SMTP now; sent; unconfirmed: the worker ' +
      'stopped during the hand-off, so it was not resent; skipped: no consent, or no longer ' +
      'relevant; cancelled: withdrawn before it went; failed: refused or out of attempts',
  })
  status!: NotificationStatus;

  @ApiProperty({ format: 'uuid', description: 'The patient it goes to' })
  patientId!: string;

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The appointment it is about, if any',
  })
  appointmentId!: string | null;

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The waitlist entry it is about (an offer), if any',
  })
  waitlistEntryId!: string | null;

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description:
      'The episode of care it is about (a discharge check-in; a home exercise programme’s plan’s), if any',
  })
  episodeId!: string | null;

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The plan revision whose home exercise programme it carries, if any',
  })
  planRevisionId!: string | null;

  @ApiProperty({ format: 'date-time', description: 'When it is (or was) due to go' })
  sendAt!: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 1, description: 'SMTP attempts so far' })
  attempts!: number;

  @ApiProperty({
    nullable: true,
    type: String,
    example: 'SMTP 550: mailbox unavailable',
    description: 'Why the last attempt failed; null if none did',
  })
  lastError!: string | null;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When the SMTP server accepted it; null until then',
  })
  sentAt!: string | null;

  @ApiProperty({ format: 'date-time', description: 'When it was planned' })
  createdAt!: string;

  static from(notification: Notification): NotificationDto {
    return {
      id: notification.id,
      kind: notification.kind,
      status: notification.status,
      patientId: notification.patientId,
      appointmentId: notification.appointmentId,
      waitlistEntryId: notification.waitlistEntryId,
      episodeId: notification.episodeId,
      planRevisionId: notification.planRevisionId,
      sendAt: notification.sendAt.toISOString(),
      attempts: notification.attempts,
      lastError: notification.lastError,
      sentAt: notification.sentAt?.toISOString() ?? null,
      createdAt: notification.createdAt.toISOString(),
    };
  }
}

const QUEUE_STATES = ['waiting', 'delayed', 'active', 'completed', 'failed'] as const;

const count = (description: string) => ({ type: 'integer' as const, minimum: 0, description });

export class NotificationSummaryDto {
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(
      NOTIFICATION_STATUSES.map((status) => [status, count(`Notifications ${status}`)]),
    ),
    additionalProperties: false,
    description: 'Notifications per status; a status none is in is left out',
    example: { pending: 120, sent: 5400, failed: 2 },
  })
  byStatus!: Partial<Record<NotificationStatus, number>>;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Outbox rows the relay has not yet brought to the queue',
    example: 0,
  })
  awaitingRelay!: number;

  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(QUEUE_STATES.map((state) => [state, count(`Jobs ${state}`)])),
    required: [...QUEUE_STATES],
    // `required` lists the object's own properties; the property itself is required too.
    selfRequired: true,
    additionalProperties: false,
    description: 'Jobs in the notifications queue per state',
    example: { waiting: 0, delayed: 118, active: 2, completed: 5400, failed: 2 },
  })
  queue!: Record<(typeof QUEUE_STATES)[number], number>;
}
