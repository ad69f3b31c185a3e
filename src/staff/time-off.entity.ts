import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('therapist_time_off')
export class TherapistTimeOff {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  therapistId!: string;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;
}
