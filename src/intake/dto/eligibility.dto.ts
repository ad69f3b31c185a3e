import { ApiProperty } from '@nestjs/swagger';

/**
 * The answer to "may this episode be treated without a referral, until when, and what is due":
 * the shape the episode view shows (filled in by the direct-access module through
 * `EpisodeGates`) and direct access's evaluations return.
 */

export const ELIGIBILITY_STATUSES = [
  'eligible',
  'eligible_until',
  'referral_required',
  'not_eligible',
  'unknown',
] as const;

export class EligibilityReasonDto {
  @ApiProperty({
    example: 'window_passed',
    description:
      'Stable code: referral_on_file, plan_signed, no_limit, limit_exempt_purpose, within_limit, window_passed, visit_limit_reached, no_rule, clock_from_first_treatment, therapist_qualifications_apply, qualification_missing.<what>, red_flags.emergency, red_flags.review_pending, red_flags.referred_to_physician',
  })
  code!: string;

  @ApiProperty({
    example: 'Treatment without a referral ended on 2026-04-01',
    description: 'In plain words',
  })
  text!: string;
}

export class OpenDutyDto {
  @ApiProperty({
    example: 'notify_physician',
    description:
      'notify_physician, inform_plan_of_care, patient_disclosure, progress_review, medicare_certification, medicare_recertification, medicare_progress_report',
  })
  code!: string;

  @ApiProperty({
    example: 'Notify the patient’s physician of the treatment',
    description: 'What is due',
  })
  text!: string;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Due by this local date; null when due at the next visit',
  })
  dueOn!: string | null;

  @ApiProperty({ description: 'True once the due date has passed' })
  overdue!: boolean;
}

export class EligibilityWindowDto {
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Last local day of treatment allowed; null for no day limit',
  })
  date!: string | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Last visit number allowed; null for no visit limit',
  })
  visits!: number | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Visits left before the limit; null for no visit limit',
  })
  visitsRemaining!: number | null;
}

export class RuleReferenceDto {
  @ApiProperty({ format: 'uuid', description: 'The rule version used' })
  id!: string;

  @ApiProperty({ example: 'US-PA', description: 'ISO 3166-2 state (US) or country code' })
  jurisdiction!: string;

  @ApiProperty({
    type: 'integer',
    example: 1,
    description: 'Version number within the jurisdiction',
  })
  version!: number;

  @ApiProperty({ format: 'date', description: 'First day the version applies' })
  effectiveFrom!: string;

  @ApiProperty({ example: '63 P.S. § 1309(b)', description: 'Where the rule comes from' })
  source!: string;
}

export class CertificationDto {
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description:
      'Certification due by (30 days after the first treatment day); null once certified',
  })
  dueBy!: string | null;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'When the plan was certified',
  })
  certifiedOn!: string | null;

  @ApiProperty({
    enum: ['signature', 'referral_and_plan_sent', null],
    nullable: true,
    description:
      'A physician’s or NPP’s signature, or (since 2025) a referral on file and the plan sent within 30 days',
  })
  by!: 'signature' | 'referral_and_plan_sent' | null;

  @ApiProperty({ description: 'Past due and not certified' })
  overdue!: boolean;
}

export class RecertificationDto {
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Last day certified: recertify by then (at most 90 days)',
  })
  dueBy!: string | null;

  @ApiProperty({ description: 'The certified period has ended' })
  overdue!: boolean;
}

export class ProgressReportDueDto {
  @ApiProperty({
    type: 'integer',
    description: 'Treatment days (dates with a visit attended) since the last progress report',
  })
  treatmentDaysSinceLast!: number;

  @ApiProperty({
    type: 'integer',
    description:
      'Treatment days left until the one that must carry the report (0: the next or this one)',
  })
  treatmentDaysLeft!: number;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description:
      'The 10th treatment day since the last report, once it has come: the report was due that day',
  })
  dueOn!: string | null;

  @ApiProperty({ description: 'The 10th treatment day has passed without a report' })
  overdue!: boolean;
}

export class MedicareDatesDto {
  @ApiProperty({
    example: 'medicare/2025-01',
    description: 'Version of the Medicare rules applied',
  })
  version!: string;

  @ApiProperty({ type: CertificationDto, description: 'Initial certification of the plan of care' })
  certification!: CertificationDto;

  @ApiProperty({ type: RecertificationDto, description: 'Recertification at least every 90 days' })
  recertification!: RecertificationDto;

  @ApiProperty({
    type: ProgressReportDueDto,
    description: 'Progress report at least every 10 treatment days',
  })
  progressReport!: ProgressReportDueDto;
}

export class EligibilityDto {
  @ApiProperty({
    enum: ELIGIBILITY_STATUSES,
    description:
      'eligible: may be treated without a referral and no limit applies (or one is on file); eligible_until: within a window (see until); referral_required: past the window or visit limit, or the therapist lacks the qualifications; not_eligible: red flags hold treatment; unknown: no rule is held for the jurisdiction, so a referral is required until one is added',
  })
  status!: (typeof ELIGIBILITY_STATUSES)[number];

  @ApiProperty({
    type: EligibilityWindowDto,
    nullable: true,
    description: 'The window, whichever limit comes first; null without one',
  })
  until!: EligibilityWindowDto | null;

  @ApiProperty({ type: [EligibilityReasonDto], description: 'Why, as codes and plain text' })
  reasons!: EligibilityReasonDto[];

  @ApiProperty({ type: [OpenDutyDto], description: 'What is still due, with dates' })
  duties!: OpenDutyDto[];

  @ApiProperty({
    type: MedicareDatesDto,
    nullable: true,
    description: 'Medicare’s dates, for a Medicare patient',
  })
  medicare!: MedicareDatesDto | null;

  @ApiProperty({
    type: RuleReferenceDto,
    nullable: true,
    description: 'The rule version used; null when none is held',
  })
  rule!: RuleReferenceDto | null;

  @ApiProperty({ type: [String], description: 'What the rule says that the data cannot express' })
  notes!: string[];

  @ApiProperty({ type: 'integer', example: 1, description: 'Version of the evaluation logic' })
  evaluationVersion!: number;
}
