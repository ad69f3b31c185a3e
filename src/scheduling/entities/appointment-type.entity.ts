import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Credential } from '../../staff/rules/eligibility';
import type { AppointmentPurpose } from '../rules/appointment-purpose';

@Entity('appointment_types')
export class AppointmentType {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column()
  code!: string;

  @Column()
  name!: string;

  @Column()
  durationMinutes!: number;

  @Column()
  bufferBeforeMinutes!: number;

  @Column()
  bufferAfterMinutes!: number;

  /** The kind of resource a visit needs (`pool`), or null. */
  @Column({ type: 'text', nullable: true })
  resourceKind!: string | null;

  /** Patients per session: 1 for one-on-one, more for workshops and classes. */
  @Column()
  groupCapacity!: number;

  @Column({ type: 'text', array: true })
  allowedCredentials!: Credential[];

  /** Treatment visits are held back while an episode's red-flag screen blocks treatment. */
  @Column()
  treatment!: boolean;

  /** What the visit is for: reports count first contacts and initial evaluations by it. */
  @Column({ type: 'text' })
  purpose!: AppointmentPurpose;

  /** Overrides the location's reminder lead time for this type; null keeps the location's. */
  @Column({ type: 'integer', nullable: true })
  reminderHoursBefore!: number | null;

  @Column({ type: 'integer', nullable: true })
  secondReminderHoursBefore!: number | null;

  /** Days after a completed visit for the how-are-you-feeling email; null sends none. */
  @Column({ type: 'integer', nullable: true })
  followUpDays!: number | null;

  @Column()
  active!: boolean;
}
