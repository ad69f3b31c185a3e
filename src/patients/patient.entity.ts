import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export const PAYERS = [
  'medicare',
  'medicaid',
  'commercial',
  'self_pay',
  'workers_compensation',
  'auto_pip',
] as const;
export type Payer = (typeof PAYERS)[number];

export const REFERRAL_SOURCES = [
  'self',
  'physician',
  'other_provider',
  'employer',
  'insurer',
  'attorney',
  'friend_or_family',
  'advertising',
  'other',
] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

export const CONTACT_METHODS = ['phone', 'sms', 'email', 'mail'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

@Entity('patients')
export class Patient {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column()
  firstName!: string;

  @Column()
  lastName!: string;

  /** Calendar date, kept as `YYYY-MM-DD` so no time zone can shift it. */
  @Column({ type: 'date' })
  dateOfBirth!: string;

  @Column({ type: 'text', nullable: true })
  sex!: Sex | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'text', nullable: true })
  addressLine1!: string | null;

  @Column({ type: 'text', nullable: true })
  addressLine2!: string | null;

  @Column({ type: 'text', nullable: true })
  city!: string | null;

  /** USPS state code of the patient's home: direct-access rules follow it. */
  @Column({ type: 'text', nullable: true })
  state!: string | null;

  @Column({ type: 'text', nullable: true })
  postalCode!: string | null;

  @Column({ type: 'text', nullable: true })
  payer!: Payer | null;

  @Column({ type: 'text', nullable: true })
  referralSource!: ReferralSource | null;

  @Column({ type: 'text' })
  preferredContact!: ContactMethod;

  /** Only patients who consented get email (reminders check this). */
  @Column()
  emailConsent!: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  emailConsentAt!: Date | null;

  /** The clinic the patient belongs to (preferred location); staff see patients of their clinics. */
  @Column({ type: 'uuid' })
  homeLocationId!: string;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
