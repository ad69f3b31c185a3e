import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { AssessmentContent } from './rules/assessment-content';
import type { InstrumentResult } from './rules/instruments';
import type { ClinicianDecision, RedFlagScreen, ScreenDisposition } from './rules/red-flags';

export const ASSESSMENT_KINDS = ['initial_evaluation', 're_evaluation', 'discharge'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

/** An intake or re-assessment. Once signed the database refuses any change to the row. */
@Entity('assessments')
export class Assessment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  episodeId!: string;

  @Column({ type: 'text' })
  kind!: AssessmentKind;

  @Column({ type: 'text' })
  status!: 'draft' | 'signed';

  @Column({ type: 'date' })
  assessedOn!: string;

  @Column({ type: 'jsonb' })
  content!: AssessmentContent;

  @Column({ type: 'jsonb' })
  instruments!: InstrumentResult[];

  @Column({ type: 'jsonb' })
  redFlagScreen!: RedFlagScreen;

  @Column({ type: 'text' })
  screenDisposition!: ScreenDisposition;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @Column({ type: 'uuid', nullable: true })
  signedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  signedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** A correction of a signed assessment: who, when, why, what changed, and the result. */
@Entity('assessment_amendments')
export class AssessmentAmendment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  assessmentId!: string;

  @Column({ type: 'uuid' })
  amendedBy!: string;

  @Column({ type: 'timestamptz', insert: false, update: false })
  amendedAt!: Date;

  @Column()
  reason!: string;

  @Column({ type: 'jsonb' })
  changes!: FieldChange[];

  @Column({ type: 'jsonb' })
  content!: AssessmentContent;

  @Column({ type: 'jsonb' })
  instruments!: InstrumentResult[];

  @Column({ type: 'jsonb' })
  redFlagScreen!: RedFlagScreen;

  @Column({ type: 'text' })
  screenDisposition!: ScreenDisposition;
}

/** A clinician's documented decision on a red-flag screen that needed review. */
@Entity('red_flag_decisions')
export class RedFlagDecision {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  assessmentId!: string;

  @Column({ type: 'text' })
  decision!: ClinicianDecision;

  @Column()
  reason!: string;

  @Column({ type: 'uuid' })
  decidedBy!: string;

  @Column({ type: 'timestamptz', insert: false, update: false })
  decidedAt!: Date;
}
