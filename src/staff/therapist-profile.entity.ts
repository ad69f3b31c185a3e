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

  /** Jurisdictions (`US-PA`) whose board issued a direct-access certificate of authorisation. */
  @Column({ type: 'text', array: true })
  directAccessCertificates!: string[];

  @Column()
  residencyOrFellowship!: boolean;

  /** numeric(4,1) comes back from pg as text; read as a number. */
  @Column({
    type: 'numeric',
    nullable: true,
    transformer: {
      to: (v: number | null) => v,
      from: (v: string | null) => (v === null ? null : Number(v)),
    },
  })
  fullTimePracticeYears!: number | null;

  @Column({ type: 'integer', nullable: true })
  differentialDiagnosisCeHours!: number | null;

  @Column()
  liabilityInsured!: boolean;
}
