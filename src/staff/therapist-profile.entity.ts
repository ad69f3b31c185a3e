import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Credential } from './rules/eligibility';

@Entity('therapist_profiles')
export class TherapistProfile {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  credential!: Credential;

  /** Where the therapist may practise: states of licence or PT Compact privilege, or countries. */
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
