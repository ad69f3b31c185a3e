import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

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

  /** When it went out of use; it keeps its past visits but takes no new ones. */
  @Column({ type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;
}
