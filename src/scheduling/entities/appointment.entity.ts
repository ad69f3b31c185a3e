import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { AppointmentStatus } from '../rules/lifecycle';

@Entity('appointments')
export class Appointment {
  /** Chosen by the service, so a one-on-one visit's session key can be its own id. */
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  appointmentTypeId!: string;

  @Column({ type: 'uuid' })
  locationId!: string;

  @Column({ type: 'uuid' })
  therapistId!: string;

  @Column({ type: 'uuid' })
  patientId!: string;

  @Column({ type: 'uuid', nullable: true })
  resourceId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  episodeId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  seriesId!: string | null;

  /** Why the patient comes, as told at booking; null if not told. */
  @Column({ type: 'text', nullable: true })
  reasonForVisit!: string | null;

  @Column({ type: 'text' })
  status!: AppointmentStatus;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz' })
  endsAt!: Date;

  /** The visit widened by the type's buffers (travel, set-up): the therapist's busy time. */
  @Column({ type: 'timestamptz' })
  busyFrom!: Date;

  @Column({ type: 'timestamptz' })
  busyUntil!: Date;

  /** Same for every participant of one group session, the appointment's id otherwise. */
  @Column({ type: 'uuid' })
  sessionKey!: string;

  @Column({ type: 'text', nullable: true })
  cancelReason!: string | null;

  @Column({ type: 'boolean', nullable: true })
  lateCancellation!: boolean | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** Append-only history of an appointment: booking, every status change and every move. */
@Entity('appointment_events')
export class AppointmentEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid' })
  appointmentId!: string;

  @Column({ type: 'timestamptz', insert: false, update: false })
  occurredAt!: Date;

  @Column({ type: 'uuid' })
  actorUserId!: string;

  @Column()
  action!: string;

  @Column({ type: 'text', nullable: true })
  fromStatus!: string | null;

  @Column()
  toStatus!: string;

  @Column({ type: 'timestamptz', nullable: true })
  fromStartsAt!: Date | null;

  @Column({ type: 'timestamptz' })
  toStartsAt!: Date;

  @Column({ type: 'jsonb' })
  details!: Record<string, string | number | boolean | null>;
}

@Entity('appointment_series')
export class AppointmentSeries {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column()
  rrule!: string;

  @Column()
  localStart!: string;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
