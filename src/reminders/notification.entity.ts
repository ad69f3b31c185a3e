import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { NotificationKind, NotificationStatus } from './rules/notification-plan';

/** One email to a patient: an outbox row first, then a record of its delivery. */
@Entity('notifications')
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: NotificationKind;

  @Column()
  dedupeKey!: string;

  @Column({ type: 'uuid' })
  patientId!: string;

  @Column({ type: 'uuid', nullable: true })
  appointmentId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  waitlistEntryId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  episodeId!: string | null;

  /** The plan revision whose home exercise programme the email carries. */
  @Column({ type: 'uuid', nullable: true })
  planRevisionId!: string | null;

  @Column({ type: 'timestamptz' })
  sendAt!: Date;

  @Column({ type: 'text' })
  status!: NotificationStatus;

  @Column()
  version!: number;

  @Column()
  relayedVersion!: number;

  @Column()
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  claimedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  /** When the attempt let the end-of-data mark go to the server: from then on it may have it. */
  @Column({ type: 'timestamptz', nullable: true })
  dataEndedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  messageId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
