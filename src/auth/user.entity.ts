import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Role } from '../kernel/role';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column()
  email!: string;

  @Column()
  fullName!: string;

  /** argon2id hash; never leaves the service. */
  @Column({ select: false })
  passwordHash!: string;

  @Column({ type: 'text' })
  role!: Role;

  @Column()
  active!: boolean;

  @Column()
  failedLoginCount!: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;

  /** The clinics the user is assigned to (admins see all regardless). */
  @OneToMany(() => UserLocation, (assignment) => assignment.user)
  assignments!: UserLocation[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/**
 * A staff member's assignment to a clinic. The table is auth's; the location is only an id here
 * (the foreign key is the database's), so auth does not reach into the locations module.
 */
@Entity('user_locations')
export class UserLocation {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ type: 'uuid' })
  locationId!: string;

  @ManyToOne(() => User, (user) => user.assignments)
  @JoinColumn({ name: 'user_id' })
  user?: User;
}
