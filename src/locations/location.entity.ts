import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@Entity('locations')
export class Location {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Short stable slug, e.g. `scranton`. */
  @Column()
  code!: string;

  @Column()
  name!: string;

  @Column({ type: 'text', nullable: true })
  addressLine1!: string | null;

  @Column({ type: 'text', nullable: true })
  addressLine2!: string | null;

  @Column({ type: 'text', nullable: true })
  city!: string | null;

  /** USPS state code; it decides which direct-access rules apply. */
  @Column({ type: 'text', nullable: true })
  state!: string | null;

  @Column({ type: 'text', nullable: true })
  postalCode!: string | null;

  @Column()
  country!: string;

  /** IANA zone in which the location's wall-clock rules are evaluated. */
  @Column()
  timeZone!: string;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  /** Hours before a visit for the patient's reminder email; an appointment type may override. */
  @Column()
  reminderHoursBefore!: number;

  /** A second, later reminder (say 2 h before), or none. */
  @Column({ type: 'integer', nullable: true })
  secondReminderHoursBefore!: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
