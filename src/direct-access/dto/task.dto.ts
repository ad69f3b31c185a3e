import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { ELIGIBILITY_STATUSES } from '../../intake/dto/eligibility.dto';

export class TaskQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'One clinic; default every clinic of the caller',
  })
  @IsOptional()
  @IsUUID()
  locationId?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 30,
    default: 5,
    description: 'List a direct-access window closing within this many business days',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(30)
  windowClosingWithinBusinessDays?: number;
}

export class TaskPatientDto {
  @ApiProperty({ example: 'Dana', description: 'First name' })
  firstName!: string;

  @ApiProperty({ example: 'Kowalski', description: 'Last name' })
  lastName!: string;
}

export class TaskDto {
  @ApiProperty({
    example: 'notify_physician',
    description:
      'notify_physician, inform_plan_of_care, patient_disclosure, progress_review, medicare_certification, medicare_recertification, medicare_progress_report, window_closing, visit_limit_near, referral_required, treatment_held, rule_unknown',
  })
  code!: string;

  @ApiProperty({
    example: 'Notify the patient’s physician of the treatment',
    description: 'What to do',
  })
  text!: string;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Due by this local date; null when due now or at the next visit',
  })
  dueOn!: string | null;

  @ApiProperty({ description: 'Past its date, or already blocking treatment' })
  overdue!: boolean;

  @ApiProperty({ format: 'uuid', description: 'The episode' })
  episodeId!: string;

  @ApiProperty({ format: 'uuid', description: 'The patient' })
  patientId!: string;

  @ApiProperty({
    type: TaskPatientDto,
    nullable: true,
    description: 'The patient’s name, for the screen',
  })
  patient!: TaskPatientDto | null;

  @ApiProperty({ format: 'uuid', description: 'The clinic treating the episode' })
  locationId!: string;

  @ApiProperty({
    enum: ELIGIBILITY_STATUSES,
    description: 'The episode’s direct-access answer today',
  })
  status!: (typeof ELIGIBILITY_STATUSES)[number];
}
