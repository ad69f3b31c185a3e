import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { BodyRegion } from './rules/assessment-content';

export type EpisodeStatus = 'open' | 'closed';

/** One condition treated from first evaluation to discharge: the frame outcomes hang on. */
@Entity('episodes_of_care')
export class EpisodeOfCare {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  patientId!: string;

  @Column({ type: 'uuid' })
  locationId!: string;

  @Column()
  condition!: string;

  @Column({ type: 'text' })
  bodyRegion!: BodyRegion;

  @Column({ type: 'text' })
  status!: EpisodeStatus;

  @Column({ type: 'date' })
  openedOn!: string;

  @Column({ type: 'date', nullable: true })
  closedOn!: string | null;

  @Column({ type: 'text', nullable: true })
  dischargeReason!: string | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
