import { Transform } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { APPOINTMENT_PURPOSES, type AppointmentPurpose } from '../rules/appointment-purpose';

const CREDENTIALS = ['PT', 'PTA'] as const;

/** An appointment type as an admin defines it. */
export class AppointmentTypeDto {
  @ApiProperty({
    example: 'aquatic_therapy',
    pattern: '^[a-z0-9_]+$',
    description: 'Lower-case code, unique',
  })
  @Matches(/^[a-z0-9_]+$/, { message: 'code must be lower-case letters, digits and underscores' })
  code!: string;

  @ApiProperty({ example: 'Aquatic therapy', maxLength: 100, description: 'Name staff see' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({
    type: 'integer',
    minimum: 5,
    maximum: 480,
    example: 45,
    description: 'Length of the visit',
  })
  @Max(480)
  @Min(5)
  @IsInt()
  durationMinutes!: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 240,
    example: 0,
    default: 0,
    description: 'Set-up or travel before the visit, when the therapist is busy too',
  })
  @IsOptional()
  @Max(240)
  @Min(0)
  @IsInt()
  bufferBeforeMinutes?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 240,
    example: 15,
    default: 0,
    description: 'Clean-up or travel after the visit',
  })
  @IsOptional()
  @Max(240)
  @Min(0)
  @IsInt()
  bufferAfterMinutes?: number;

  @ApiPropertyOptional({
    type: String,
    example: 'pool',
    nullable: true,
    pattern: '^[a-z_]+$',
    description:
      'The kind of resource a visit needs (a location’s resources have kinds); none if absent',
  })
  @IsOptional()
  @Matches(/^[a-z_]+$/, { message: 'resourceKind must be lower-case letters and underscores' })
  resourceKind?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 100,
    example: 1,
    default: 1,
    description: 'Patients per session: 1 for one-on-one, more for classes',
  })
  @IsOptional()
  @Max(100)
  @Min(1)
  @IsInt()
  groupCapacity?: number;

  @ApiProperty({
    example: ['PT', 'PTA'],
    enum: CREDENTIALS,
    isArray: true,
    minItems: 1,
    description: 'Credentials that may deliver it',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(CREDENTIALS, { each: true })
  allowedCredentials!: ('PT' | 'PTA')[];

  @ApiPropertyOptional({ default: true, description: 'Held back while red flags block treatment' })
  @IsOptional()
  @IsBoolean()
  treatment?: boolean;

  @ApiPropertyOptional({
    enum: APPOINTMENT_PURPOSES,
    default: 'treatment',
    example: 'first_contact',
    description:
      'What the visit is for; the reports count first contacts (a free pain assessment) and initial evaluations by it',
  })
  @IsOptional()
  @IsIn(APPOINTMENT_PURPOSES)
  purpose?: AppointmentPurpose;

  @ApiPropertyOptional({
    example: 48,
    nullable: true,
    type: 'integer',
    minimum: 1,
    maximum: 168,
    description: 'Reminder lead time for this type; null uses the location’s',
  })
  @IsOptional()
  @Max(168)
  @Min(1)
  @IsInt()
  reminderHoursBefore?: number | null;

  @ApiPropertyOptional({
    example: 2,
    nullable: true,
    type: 'integer',
    minimum: 1,
    maximum: 48,
    description: 'Second reminder for this type; null uses the location’s',
  })
  @IsOptional()
  @Max(48)
  @Min(1)
  @IsInt()
  secondReminderHoursBefore?: number | null;

  @ApiPropertyOptional({
    example: 2,
    nullable: true,
    type: 'integer',
    minimum: 1,
    maximum: 60,
    description: 'Days after a completed visit for the follow-up email; null sends none',
  })
  @IsOptional()
  @Max(60)
  @Min(1)
  @IsInt()
  followUpDays?: number | null;
}

export class UpdateAppointmentTypeDto extends PartialType(AppointmentTypeDto) {
  @ApiPropertyOptional({ description: 'False retires the type: it can no longer be booked' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class AppointmentTypeQuery {
  @ApiPropertyOptional({
    description: 'Only active (true) or only retired (false) types; both if absent',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}

/** An appointment type as stored: every field, defaults applied. */
export class AppointmentTypeViewDto {
  @ApiProperty({ format: 'uuid', description: 'The appointment type' })
  id!: string;

  @ApiProperty({ example: 'aquatic_therapy', description: 'Lower-case code, unique' })
  code!: string;

  @ApiProperty({ example: 'Aquatic therapy', description: 'Name staff see' })
  name!: string;

  @ApiProperty({ type: 'integer', example: 45, description: 'Length of the visit' })
  durationMinutes!: number;

  @ApiProperty({ type: 'integer', example: 0, description: 'Set-up or travel before the visit' })
  bufferBeforeMinutes!: number;

  @ApiProperty({ type: 'integer', example: 15, description: 'Clean-up or travel after the visit' })
  bufferAfterMinutes!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'pool',
    description: 'The kind of resource a visit needs; null for none',
  })
  resourceKind!: string | null;

  @ApiProperty({ type: 'integer', example: 1, description: 'Patients per session' })
  groupCapacity!: number;

  @ApiProperty({
    enum: CREDENTIALS,
    isArray: true,
    example: ['PT', 'PTA'],
    description: 'Credentials that may deliver it',
  })
  allowedCredentials!: ('PT' | 'PTA')[];

  @ApiProperty({ description: 'Held back while red flags block treatment' })
  treatment!: boolean;

  @ApiProperty({
    enum: APPOINTMENT_PURPOSES,
    example: 'treatment',
    description: 'What the visit is for (first contact, initial evaluation, treatment...)',
  })
  purpose!: AppointmentPurpose;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 48,
    description: 'Reminder lead time for this type; null uses the location’s',
  })
  reminderHoursBefore!: number | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 2,
    description: 'Second reminder for this type; null uses the location’s',
  })
  secondReminderHoursBefore!: number | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 2,
    description: 'Days after a completed visit for the follow-up email; null sends none',
  })
  followUpDays!: number | null;

  @ApiProperty({ description: 'False once retired: it can no longer be booked' })
  active!: boolean;
}
