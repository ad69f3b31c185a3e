import { Column, Entity, PrimaryColumn } from 'typeorm';

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
