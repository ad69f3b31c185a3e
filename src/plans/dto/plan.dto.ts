import { RequiredText } from '../../common/dto/required-text.decorator';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../common/dto/calendar-date.decorator';
import { PLAN_STATUSES, type PlanStatus } from '../rules/lifecycle';
import {
  DiagnosisDto,
  FrequencyFieldsDto,
  InterventionDto,
  listOf,
  nested,
  PlanGoalDto,
  ScreeningDto,
} from './plan-content.dto';
import { PlanProgressDto } from './plan-progress.dto';

/** The parts of a plan a therapist tailors; each defaults to the template’s when left out. */
export class PlanTailoringDto extends PartialType(FrequencyFieldsDto) {
  @ApiPropertyOptional({
    type: [DiagnosisDto],
    description: 'ICD-10-CM diagnoses, in pointer order',
  })
  @IsOptional()
  @listOf(() => DiagnosisDto, 1)
  diagnoses?: DiagnosisDto[];

  @ApiPropertyOptional({
    type: [PlanGoalDto],
    description: 'Goals; default the template’s, dated from the start',
  })
  @IsOptional()
  @listOf(() => PlanGoalDto)
  goals?: PlanGoalDto[];

  @ApiPropertyOptional({ type: [InterventionDto], description: 'Interventions and doses' })
  @IsOptional()
  @listOf(() => InterventionDto, 1)
  interventions?: InterventionDto[];

  @ApiPropertyOptional({
    type: ScreeningDto,
    description: 'What intake does not ask (contraindications)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ScreeningDto)
  screening?: ScreeningDto;

  @ApiPropertyOptional({ type: 'integer', example: 12, description: 'Visits authorised (payer)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  visitsAuthorised?: number;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-12-08',
    description: 'First day of the plan',
  })
  @IsOptional()
  @IsCalendarDate('startDate')
  startDate?: string;
}

export class NewPlanDto extends PlanTailoringDto {
  @ApiProperty({ format: 'uuid', description: 'The published template version it starts from' })
  @IsUUID()
  templateVersionId!: string;

  @ApiProperty({ type: [DiagnosisDto], description: 'ICD-10-CM diagnoses, in pointer order' })
  @listOf(() => DiagnosisDto, 1)
  declare diagnoses: DiagnosisDto[];
}

export class AmendPlanDto extends PlanTailoringDto {
  @ApiProperty({ example: 'Progressing faster: add core strengthening', description: 'Why' })
  @RequiredText(1000)
  reason!: string;
}

export class AcknowledgementDto {
  @ApiProperty({ example: 'heat_acute_injury:heat_pack', description: 'The warning’s code' })
  @RequiredText(200)
  code!: string;

  @ApiProperty({
    example: 'Heat only from day 3; patient instructed',
    description: 'Why it is safe',
  })
  @RequiredText(1000)
  reason!: string;
}

export class SignPlanDto {
  @ApiPropertyOptional({
    type: [AcknowledgementDto],
    description: 'Each contraindication warning, answered',
  })
  @IsOptional()
  @nested(() => AcknowledgementDto)
  acknowledgements?: AcknowledgementDto[];
}

export class PlanTransitionDto {
  @ApiPropertyOptional({ example: 'Patient in hospital for two weeks', description: 'Why' })
  @IsOptional()
  @RequiredText(1000)
  reason?: string;
}

export class ContraindicationWarningDto {
  @ApiProperty({
    example: 'heat_acute_injury:heat_pack',
    description: 'What an acknowledgement names',
  })
  code!: string;
  @ApiProperty({ example: 'heat_acute_injury', description: 'The contraindication rule' })
  rule!: string;
  @ApiProperty({ example: 'heat_pack', description: 'The intervention it is about' })
  interventionKey!: string;
  @ApiProperty({ description: 'What is wrong, in words' })
  message!: string;
  @ApiProperty({ description: 'The guidance it follows' })
  source!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The signer’s reason, once acknowledged',
  })
  acknowledgedReason!: string | null;
}

export class RevisionDto {
  @ApiProperty({ example: 2, description: 'Revision number; 1 is the plan as first signed' })
  revision!: number;
  @ApiProperty({ nullable: true, type: String, description: 'Why it was amended' })
  reason!: string | null;
  @ApiProperty({ format: 'uuid', description: 'Who wrote it' })
  createdBy!: string;
  @ApiProperty({ format: 'date-time', description: 'When it was written' })
  createdAt!: string;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The PT who signed it',
  })
  signedBy!: string | null;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When it was signed',
  })
  signedAt!: string | null;
  @ApiProperty({ description: 'A long-term goal changed: it needs a signature' })
  requiresSignature!: boolean;
}

export class DueDto {
  @ApiProperty({
    format: 'date',
    nullable: true,
    type: String,
    description: 'Due by (or the last day covered)',
  })
  dueBy!: string | null;
  @ApiProperty({ description: 'Past its date' })
  overdue!: boolean;
}

export class ProgressReportDueDto {
  @ApiProperty({ example: 4, description: 'Treatment days since the last report' })
  treatmentDaysSinceLast!: number;
  @ApiProperty({ example: 5, description: 'Treatment days until the one that carries the report' })
  treatmentDaysLeft!: number;
  @ApiProperty({
    format: 'date',
    nullable: true,
    type: String,
    description: 'The 10th treatment day, once come',
  })
  dueOn!: string | null;
  @ApiProperty({ description: 'Past its date' })
  overdue!: boolean;
}

export class MedicareDueDatesDto {
  @ApiProperty({ example: 'medicare/2025-01', description: 'The rules version (direct access)' })
  version!: string;
  @ApiProperty({ type: DueDto, description: 'Initial certification by a physician or NPP' })
  certification!: DueDto & { certifiedOn: string | null; by: string | null };
  @ApiProperty({ type: DueDto, description: 'Recertification: the certified period’s last day' })
  recertification!: DueDto;
  @ApiProperty({
    type: ProgressReportDueDto,
    description: 'Progress report every 10 treatment days',
  })
  progressReport!: ProgressReportDueDto;
}

export class PlanDto extends FrequencyFieldsDto {
  @ApiProperty({ format: 'uuid', description: 'The plan' })
  id!: string;
  @ApiProperty({ format: 'uuid', description: 'Its episode of care' })
  episodeId!: string;
  @ApiProperty({ format: 'uuid', description: 'The patient' })
  patientId!: string;
  @ApiProperty({ format: 'uuid', description: 'The template version it came from' })
  templateVersionId!: string;
  @ApiProperty({ enum: PLAN_STATUSES, description: 'Lifecycle status' })
  status!: PlanStatus;
  @ApiProperty({ example: 1, description: 'Current revision' })
  revision!: number;
  @ApiProperty({ format: 'date', description: 'First day, as amended' })
  startDate!: string;
  @ApiProperty({ format: 'date', description: 'Last day: start plus the duration' })
  endDate!: string;
  @ApiProperty({ nullable: true, type: 'integer', description: 'Visits the payer authorised' })
  visitsAuthorised!: number | null;
  @ApiProperty({ description: 'Frequency times duration' })
  prescribedVisits!: number;
  @ApiProperty({ type: [DiagnosisDto], description: 'ICD-10-CM diagnoses in pointer order' })
  diagnoses!: DiagnosisDto[];
  @ApiProperty({ type: [PlanGoalDto], description: 'Goals, ids stable across amendments' })
  goals!: PlanGoalDto[];
  @ApiProperty({ type: [InterventionDto], description: 'Interventions and doses' })
  interventions!: InterventionDto[];
  @ApiProperty({ type: ScreeningDto })
  screening!: ScreeningDto;
  @ApiProperty({ description: 'The current revision awaits a PT’s signature' })
  signatureRequired!: boolean;
  @ApiProperty({
    type: [ContraindicationWarningDto],
    description: 'Contraindication warnings and their answers',
  })
  warnings!: ContraindicationWarningDto[];
  @ApiProperty({ type: MedicareDueDatesDto, nullable: true, description: 'For Medicare patients' })
  medicare!: MedicareDueDatesDto | null;
  @ApiProperty({
    type: PlanProgressDto,
    description: 'Visits completed against prescribed, and goals against re-assessments',
  })
  progress!: PlanProgressDto;
  @ApiProperty({ type: [RevisionDto], description: 'Every revision: who, when, why' })
  revisions!: RevisionDto[];
}
