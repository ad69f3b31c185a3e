import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A weekly working window of a therapist at one location, in the location's wall-clock time. */
@Entity('therapist_hours')
export class TherapistHours {
  @PrimaryColumn({ type: 'uuid' })
  therapistId!: string;

  @PrimaryColumn({ type: 'smallint' })
  weekday!: number;

  @PrimaryColumn({ type: 'time' })
  starts!: string;

  @Column({ type: 'uuid' })
  locationId!: string;

  @Column({ type: 'time' })
  ends!: string;
}
