import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A weekly opening window of a location, in its local wall-clock time (ISO weekday). */
@Entity('location_hours')
export class LocationHours {
  @PrimaryColumn({ type: 'uuid' })
  locationId!: string;

  @PrimaryColumn({ type: 'smallint' })
  weekday!: number;

  @PrimaryColumn({ type: 'time' })
  opens!: string;

  @Column({ type: 'time' })
  closes!: string;
}

/** Whole local days a location is closed (holiday, snow day). */
@Entity('location_closures')
export class LocationClosure {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  locationId!: string;

  @Column({ type: 'date' })
  startsOn!: string;

  @Column({ type: 'date' })
  endsOn!: string;

  @Column()
  reason!: string;
}

/** A room or piece of equipment with a capacity: the aquatic pool holds 4. */
@Entity('resources')
export class Resource {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  locationId!: string;

  @Column()
  name!: string;

  @Column()
  kind!: string;

  @Column()
  capacity!: number;
}

export type Credential = 'PT' | 'PTA';

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

@Entity('therapist_profiles')
export class TherapistProfile {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  credential!: Credential;

  @Column({ type: 'text', array: true })
  licenceStates!: string[];

  @Column()
  directAccessCertified!: boolean;

  @Column({ type: 'date', nullable: true })
  directAccessCertifiedOn!: string | null;

  @Column()
  doctoralDegree!: boolean;

  @Column({ type: 'integer', nullable: true })
  yearsLicensed!: number | null;
}

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
