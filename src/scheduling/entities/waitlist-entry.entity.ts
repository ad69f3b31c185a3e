import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type WaitlistStatus = 'waiting' | 'offered' | 'booked' | 'withdrawn' | 'expired';

/** A patient waiting for a slot: type, locations, optionally a therapist, and a time window. */
@Entity('waitlist_entries')
export class WaitlistEntry {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  patientId!: string;

  @Column({ type: 'uuid' })
  appointmentTypeId!: string;

  @Column({ type: 'uuid', array: true })
  locationIds!: string[];

  @Column({ type: 'uuid', nullable: true })
  therapistId!: string | null;

  @Column({ type: 'date' })
  earliest!: string;

  @Column({ type: 'date' })
  latest!: string;

  @Column({ type: 'time' })
  dayStarts!: string;

  @Column({ type: 'time' })
  dayEnds!: string;

  @Column({ type: 'text' })
  status!: WaitlistStatus;

  @Column({ type: 'timestamptz', nullable: true })
  offeredStartsAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  offeredTherapistId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  offeredLocationId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  offerExpiresAt!: Date | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
