import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AssessmentAmendment, FieldChange } from '../assessment.entity';
import { ASSESSMENT_KINDS, type AssessmentKind } from '../assessment.entity';
import type { AssessmentView } from '../assessment-view';
import type { Acuity } from '../rules/acuity';
import type { AssessmentContent } from '../rules/assessment-content';
import {
  type Answers,
  INSTRUMENT_CODES,
  type InstrumentCode,
  type InstrumentResult,
} from '../rules/instruments';
import {
  type Disposition,
  RED_FLAG_CODES,
  RED_FLAGS,
  type RedFlag,
  type RedFlagGroup,
  type RedFlagScreen,
  type ScreenDisposition,
  type ScreenReason,
} from '../rules/red-flags';
import type { OutcomeChange } from '../rules/trend';
import { AssessmentContentDto } from './assessment.dto';

const DISPOSITIONS: Disposition[] = [
  'proceed',
  'clinician_review',
  'refer_to_physician',
  'emergency',
];
const SCREEN_DISPOSITIONS: ScreenDisposition[] = ['proceed', 'clinician_review', 'emergency'];
const RED_FLAG_GROUPS = [...new Set(Object.values(RED_FLAGS).map(({ group }) => group))];

/** Any JSON value but null: what a field of an assessment held. */
const ANY_VALUE = {
  oneOf: [
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'array', items: {} },
    { type: 'object', additionalProperties: true },
  ],
};

/** One red flag the screen found, and where it came from. */
export class ScreenReasonDto {
  @ApiProperty({ enum: RED_FLAG_CODES, example: 'history_of_cancer', description: 'The flag' })
  flag!: RedFlag;

  @ApiProperty({ enum: RED_FLAG_GROUPS, example: 'cancer', description: 'What it may point to' })
  group!: RedFlagGroup;

  @ApiProperty({
    enum: ['reported', 'history', 'age', 'content'],
    example: 'history',
    description:
      '`reported` by the clinician, or derived from the relevant history, the age at onset, or the complaint as recorded (`content`: region, side, onset mechanism, associated symptoms)',
  })
  source!: ScreenReason['source'];

  @ApiPropertyOptional({
    example: 'osteoporosis, with onset by fall',
    description:
      'For a derived flag, what in the record raised it (screens before red-flags/2026-12 have none)',
  })
  basis?: string;
}

/** The red-flag screen of an assessment, as its rules (of `version`) judged it. */
export class RedFlagScreenDto {
  @ApiProperty({ example: 'red-flags/2026-12', description: 'Version of the screening rules' })
  version!: string;

  @ApiProperty({
    enum: SCREEN_DISPOSITIONS,
    example: 'clinician_review',
    description: 'What the screen found: proceed, a clinician must review, or an emergency',
  })
  disposition!: ScreenDisposition;

  @ApiProperty({ type: [ScreenReasonDto], description: 'The flags found, each with its source' })
  reasons!: ScreenReason[];
}

export class RedFlagStatusDto {
  @ApiProperty({
    type: RedFlagScreenDto,
    description: 'Screen result: version, disposition and machine-readable reasons',
  })
  screen!: RedFlagScreen;

  @ApiProperty({
    type: 'object',
    nullable: true,
    description:
      'The clinician’s decision on a screen that needed review; null while there is none',
    properties: {
      decision: {
        type: 'string',
        enum: ['proceed', 'refer_to_physician'],
        description: 'Proceed with treatment, or refer the patient to a physician',
      },
      reason: { type: 'string', description: 'Why, as the clinician wrote it' },
      decidedBy: { type: 'string', format: 'uuid', description: 'The clinician' },
      decidedAt: { type: 'string', format: 'date-time', description: 'When' },
    },
    required: ['decision', 'reason', 'decidedBy', 'decidedAt'],
    // `required` lists the object's own properties; the property itself is required too.
    selfRequired: true,
    example: {
      decision: 'proceed',
      reason: 'Cancer-free for 15 years',
      decidedBy: '3f0c6f3e-8a1b-4c55-9e1d-7b2a4c9d0e11',
      decidedAt: '2026-11-23T15:00:00.000Z',
    },
  })
  decision!: {
    decision: 'proceed' | 'refer_to_physician';
    reason: string;
    decidedBy: string;
    decidedAt: string;
  } | null;

  @ApiProperty({
    enum: DISPOSITIONS,
    description: 'The disposition in force: the screen’s, or the clinician’s decision on it',
  })
  disposition!: Disposition;

  @ApiProperty({ description: 'True while this result stops treatment visits being booked' })
  blocksTreatment!: boolean;
}

/** The content of an assessment as recorded, with the acuity computed from the onset date. */
export class RecordedAssessmentContentDto extends AssessmentContentDto {
  @ApiProperty({
    enum: ['acute', 'subacute', 'chronic'],
    example: 'acute',
    description: 'Acuity from the onset date to the assessment date',
  })
  acuity!: Acuity;

  @ApiProperty({ example: 'acp-2017', description: 'Version of the acuity rules applied' })
  acuityRules!: string;
}

/** One outcome measure as scored, with the version of its scoring rules. */
export class InstrumentResultDto {
  @ApiProperty({ enum: INSTRUMENT_CODES, example: 'odi', description: 'The instrument' })
  instrument!: InstrumentCode;

  @ApiProperty({ example: 'odi-2.1/2026-11', description: 'Version of its scoring rules' })
  version!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: {
      oneOf: [{ type: 'integer', nullable: true }, { type: 'boolean' }],
      description: 'A number, true/false, or null if unanswered',
    },
    example: { odi_1: 2, odi_2: 1, odi_8: null },
    description: 'The items as answered, by item id, normalised',
  })
  answers!: Answers;

  @ApiProperty({ example: 32, description: 'The score, in `unit`' })
  score!: number;

  @ApiProperty({
    enum: ['percent', 'points', 'mean'],
    example: 'percent',
    description: 'What the score counts',
  })
  unit!: InstrumentResult['unit'];

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'moderate',
    description: 'Band or risk group, where the instrument defines one',
  })
  band!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: {
      oneOf: [
        { type: 'number', nullable: true },
        { type: 'array', items: { type: 'string' } },
      ],
      description: 'A figure, a list of item ids, or null',
    },
    example: { rawSum: 14, sectionsAnswered: 9, unanswered: ['odi_8'] },
    description: 'Instrument-specific figures: raw sums, subscales, missing items',
  })
  details!: InstrumentResult['details'];
}

export class AssessmentDto {
  @ApiProperty({ format: 'uuid', description: 'The assessment' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'The episode of care it belongs to' })
  episodeId!: string;

  @ApiProperty({
    enum: ASSESSMENT_KINDS,
    description: 'Initial evaluation, re-evaluation or discharge',
  })
  kind!: AssessmentKind;

  @ApiProperty({
    enum: ['draft', 'signed'],
    description: 'A draft may be replaced; a signed assessment only amended',
  })
  status!: 'draft' | 'signed';

  @ApiProperty({ format: 'date', example: '2026-11-23', description: 'Date of the assessment' })
  assessedOn!: string;

  @ApiProperty({
    type: RecordedAssessmentContentDto,
    description: 'What the therapist recorded, with the computed acuity',
  })
  content!: AssessmentContent;

  @ApiProperty({
    type: [InstrumentResultDto],
    description: 'Each instrument: answers, score, unit, band and scoring-rule version',
  })
  instruments!: InstrumentResult[];

  @ApiProperty({ type: RedFlagStatusDto, description: 'The red-flag screen and its decision' })
  redFlags!: RedFlagStatusDto;

  @ApiProperty({ format: 'uuid', description: 'The therapist who recorded it' })
  createdBy!: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The therapist who signed it; null while a draft',
  })
  signedBy!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When it was signed; null while a draft',
  })
  signedAt!: string | null;

  @ApiProperty({ type: 'integer', minimum: 0, example: 0, description: 'Amendments since signing' })
  amendmentCount!: number;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When it was last amended; null if never',
  })
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

/** One field an amendment changed: its value before and after. */
export class FieldChangeDto {
  @ApiProperty({ example: 'pain', description: 'The field of the assessment’s content' })
  field!: string;

  @ApiProperty({ ...ANY_VALUE, example: { now: 6 }, description: 'Its value before' })
  from!: unknown;

  @ApiProperty({ ...ANY_VALUE, example: { now: 5 }, description: 'Its value after' })
  to!: unknown;
}

export class AmendmentDto {
  @ApiProperty({ format: 'uuid', description: 'The amendment' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'The assessment it amends' })
  assessmentId!: string;

  @ApiProperty({ format: 'uuid', description: 'The therapist who amended it' })
  amendedBy!: string;

  @ApiProperty({ format: 'date-time', description: 'When' })
  amendedAt!: string;

  @ApiProperty({
    example: 'Item 3 of the Oswestry was transcribed wrongly',
    description: 'Why, as the therapist wrote it',
  })
  reason!: string;

  @ApiProperty({ type: [FieldChangeDto], description: 'What changed' })
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

/** Change from baseline for one instrument, and whether it counts. */
export class OutcomeChangeDto {
  @ApiProperty({ enum: INSTRUMENT_CODES, example: 'odi', description: 'The instrument' })
  instrument!: InstrumentCode;

  @ApiProperty({ example: 42, description: 'The baseline score, as displayed (rounded)' })
  baseline!: number;

  @ApiProperty({ example: 28, description: 'The latest score, as displayed (rounded)' })
  latest!: number;

  @ApiProperty({
    example: -14,
    description:
      'latest - baseline, in the instrument’s units, from the unrounded scores (to 0.01): 10/45 -> 7/45 on the ODI is -6.67, not 15.6 - 22.2',
  })
  change!: number;

  @ApiProperty({
    example: 14,
    description: 'Change in the direction of getting better (positive is better)',
  })
  improvement!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 33.3,
    description:
      'improvement as a percentage of the unrounded baseline (to 0.1); null when the baseline is 0',
  })
  improvementPercent!: number | null;

  @ApiProperty({
    type: 'object',
    nullable: true,
    description:
      'The smallest change that counts (MCID or MDC) for this comparison (PSFS: 3 points when either assessment rated a single activity, 2 for a mean); null where none is defined',
    properties: {
      kind: {
        type: 'string',
        enum: ['mcid', 'mdc90'],
        description: 'Minimal clinically important difference, or minimal detectable change',
      },
      points: { type: 'number', description: 'In the instrument’s units' },
      fractionOfBaseline: {
        type: 'number',
        description: 'As a share of the baseline (0.3 for 30 %), where defined',
      },
      source: { type: 'string', description: 'Where the threshold comes from' },
    },
    required: ['kind', 'points', 'source'],
    // `required` lists the object's own properties; the property itself is required too.
    selfRequired: true,
    example: {
      kind: 'mcid',
      points: 10,
      fractionOfBaseline: 0.3,
      source: 'Ostelo et al., Spine 2008',
    },
  })
  threshold!: OutcomeChange['threshold'];

  @ApiProperty({
    type: Boolean,
    nullable: true,
    example: true,
    description:
      'Whether the improvement, computed from the unrounded scores, reaches the threshold; null without one',
  })
  reachesThreshold!: boolean | null;
}

export class OutcomeDto {
  @ApiProperty({ enum: INSTRUMENT_CODES, example: 'odi', description: 'The instrument' })
  instrument!: string;

  @ApiProperty({ format: 'uuid', description: 'The first assessment that scored it' })
  baselineAssessmentId!: string;

  @ApiProperty({ format: 'date', description: 'The date of that assessment' })
  baselineOn!: string;

  @ApiProperty({ format: 'uuid', description: 'The latest assessment that scored it' })
  latestAssessmentId!: string;

  @ApiProperty({ format: 'date', description: 'The date of that assessment' })
  latestOn!: string;

  @ApiProperty({
    type: OutcomeChangeDto,
    description: 'Change from baseline and whether it reaches the MCID (or MDC)',
  })
  change!: OutcomeChange;
}
