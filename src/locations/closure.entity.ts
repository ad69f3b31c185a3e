import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

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
