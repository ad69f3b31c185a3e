import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AssessmentAmendment, FieldChange } from '../assessment.entity';
import { ASSESSMENT_KINDS, type AssessmentKind } from '../assessment.entity';
import type { AssessmentView } from '../assessment-view';
import type { AssessmentContent } from '../rules/assessment-content';
import type { InstrumentResult } from '../rules/instruments';
import type { Disposition, RedFlagScreen } from '../rules/red-flags';
import type { OutcomeChange } from '../rules/trend';

export class RedFlagStatusDto {
  @ApiProperty({
    description: 'Screen result: version, disposition and machine-readable reasons',
    example: {
      version: 'red-flags/2026-11',
      disposition: 'clinician_review',
      reasons: [{ flag: 'history_of_cancer', group: 'cancer', source: 'history' }],
    },
  })
  screen!: RedFlagScreen;

  @ApiPropertyOptional({
    nullable: true,
    example: {
      decision: 'proceed',
      reason: 'Cancer-free for 15 years',
      decidedBy: 'uuid',
      decidedAt: '2026-11-23T15:00:00Z',
    },
  })
  decision!: { decision: string; reason: string; decidedBy: string; decidedAt: string } | null;

  @ApiProperty({ enum: ['proceed', 'clinician_review', 'refer_to_physician', 'emergency'] })
  disposition!: Disposition;

  @ApiProperty({ description: 'True while this result stops treatment visits being booked' })
  blocksTreatment!: boolean;
}

export class AssessmentDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  episodeId!: string;

  @ApiProperty({ enum: ASSESSMENT_KINDS })
  kind!: AssessmentKind;

  @ApiProperty({ enum: ['draft', 'signed'] })
  status!: 'draft' | 'signed';

  @ApiProperty({ format: 'date' })
  assessedOn!: string;

  @ApiProperty({ description: 'What the therapist recorded, with the computed acuity' })
  content!: AssessmentContent;

  @ApiProperty({
    description: 'Each instrument: answers, score, unit, band and scoring-rule version',
    example: [
      {
        instrument: 'odi',
        version: 'odi-2.1/2026-11',
        score: 32,
        unit: 'percent',
        band: 'moderate',
      },
    ],
  })
  instruments!: InstrumentResult[];

  @ApiProperty({ type: RedFlagStatusDto })
  redFlags!: RedFlagStatusDto;

  @ApiProperty({ format: 'uuid' })
  createdBy!: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  signedBy!: string | null;

  @ApiPropertyOptional({ nullable: true })
  signedAt!: string | null;

  @ApiProperty({ example: 0 })
  amendmentCount!: number;

  @ApiPropertyOptional({ nullable: true })
  lastAmendedAt!: string | null;

  static from(view: AssessmentView, blocksTreatment: boolean): AssessmentDto {
    const { assessment } = view;
    return {
      id: assessment.id,
      episodeId: assessment.episodeId,
      kind: assessment.kind,
      status: assessment.status,
      assessedOn: assessment.assessedOn,
      content: view.content,
      instruments: view.instruments,
      redFlags: {
        screen: view.screen,
        decision: view.decision && {
          decision: view.decision.decision,
          reason: view.decision.reason,
          decidedBy: view.decision.decidedBy,
          decidedAt: view.decision.decidedAt.toISOString(),
        },
        disposition: view.disposition,
        blocksTreatment,
      },
      createdBy: assessment.createdBy,
      signedBy: assessment.signedBy,
      signedAt: assessment.signedAt?.toISOString() ?? null,
      amendmentCount: view.amendmentCount,
      lastAmendedAt: view.lastAmendedAt?.toISOString() ?? null,
    };
  }
}

export class AmendmentDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  assessmentId!: string;

  @ApiProperty({ format: 'uuid' })
  amendedBy!: string;

  @ApiProperty()
  amendedAt!: string;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ example: [{ field: 'pain', from: { now: 6 }, to: { now: 5 } }] })
  changes!: FieldChange[];

  static from(amendment: AssessmentAmendment): AmendmentDto {
    return {
      id: amendment.id,
      assessmentId: amendment.assessmentId,
      amendedBy: amendment.amendedBy,
      amendedAt: amendment.amendedAt.toISOString(),
      reason: amendment.reason,
      changes: amendment.changes,
    };
  }
}

export class OutcomeDto {
  @ApiProperty({ example: 'odi' })
  instrument!: string;

  @ApiProperty({ format: 'uuid' })
  baselineAssessmentId!: string;

  @ApiProperty({ format: 'date' })
  baselineOn!: string;

  @ApiProperty({ format: 'uuid' })
  latestAssessmentId!: string;

  @ApiProperty({ format: 'date' })
  latestOn!: string;

  @ApiProperty({
    description: 'Change from baseline and whether it reaches the MCID (or MDC)',
    example: {
      baseline: 42,
      latest: 28,
      change: -14,
      improvement: 14,
      improvementPercent: 33.3,
      threshold: { kind: 'mcid', points: 10, fractionOfBaseline: 0.3 },
      reachesThreshold: true,
    },
  })
  change!: OutcomeChange;
}
