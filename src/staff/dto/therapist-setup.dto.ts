import { TIME, CALENDAR_DATE } from '../../common/validation-patterns';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class TherapistProfileDto {
  @ApiProperty({
    enum: ['PT', 'PTA'],
    description: 'Physical therapist, or physical therapist assistant',
  })
  @IsIn(['PT', 'PTA'])
  credential!: 'PT' | 'PTA';

  @ApiProperty({
    example: ['PA'],
    type: [String],
    description: 'Two-letter codes of the states (or countries) where the therapist may practise',
  })
  @IsArray()
  @Matches(/^[A-Z]{2}$/, { each: true, message: 'licenceStates must be two-letter state codes' })
  licenceStates!: string[];

  @ApiPropertyOptional({
    default: false,
    description: 'Holds a direct-access certificate (where a state asks for one)',
  })
  @IsOptional()
  @IsBoolean()
  directAccessCertified?: boolean;

  @ApiPropertyOptional({ format: 'date', description: 'When the certificate was granted' })
  @IsOptional()
  @Matches(CALENDAR_DATE, { message: 'directAccessCertifiedOn must be a date as YYYY-MM-DD' })
  directAccessCertifiedOn?: string;

  @ApiPropertyOptional({ default: false, description: 'Holds a DPT or another doctorate' })
  @IsOptional()
  @IsBoolean()
  doctoralDegree?: boolean;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 70,
    example: 6,
    description: 'Years since first licensed',
  })
  @IsOptional()
  @Max(70)
  @Min(0)
  @IsInt()
  yearsLicensed?: number;

  @ApiPropertyOptional({
    example: ['US-PA'],
    type: [String],
    description:
      'Jurisdictions (ISO 3166-2, e.g. US-PA) whose board issued the therapist a direct-access certificate of authorisation',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(60)
  @Matches(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, {
    each: true,
    message: 'directAccessCertificates must be codes such as US-PA',
  })
  directAccessCertificates?: string[];

  @ApiPropertyOptional({
    default: false,
    description: 'Completed a residency or fellowship (or a board-approved certification)',
  })
  @IsOptional()
  @IsBoolean()
  residencyOrFellowship?: boolean;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 70,
    example: 4.5,
    description: 'Years of full-time-equivalent practice (New York asks 3)',
  })
  @IsOptional()
  @Max(70)
  @Min(0)
  fullTimePracticeYears?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 2000,
    example: 30,
    description:
      'Hours of continuing education in differential diagnosis (Texas asks 30 without a doctorate)',
  })
  @IsOptional()
  @Max(2000)
  @Min(0)
  @IsInt()
  differentialDiagnosisCeHours?: number;

  @ApiPropertyOptional({
    default: false,
    description: 'Holds professional liability insurance (Texas asks it)',
  })
  @IsOptional()
  @IsBoolean()
  liabilityInsured?: boolean;
}

export class TherapistWindowDto {
  @ApiProperty({ format: 'uuid', description: 'Where the therapist works in this window' })
  @IsUUID()
  locationId!: string;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 7,
    example: 1,
    description: 'ISO weekday: 1 Monday .. 7 Sunday',
  })
  @Max(7)
  @Min(1)
  @IsInt()
  weekday!: number;

  @ApiProperty({
    example: '08:00',
    pattern: TIME.source,
    description: 'Start, the location’s wall-clock time (HH:mm)',
  })
  @Matches(TIME, { message: 'starts must be a time as HH:mm' })
  starts!: string;

  @ApiProperty({
    example: '16:00',
    pattern: TIME.source,
    description: 'End, the location’s wall-clock time (HH:mm)',
  })
  @Matches(TIME, { message: 'ends must be a time as HH:mm' })
  ends!: string;
}

export class TherapistHoursDto {
  @ApiProperty({
    type: [TherapistWindowDto],
    maxItems: 50,
    description: 'Weekly working hours per location: Monday and Wednesday in Scranton, ...',
  })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TherapistWindowDto)
  windows!: TherapistWindowDto[];
}

export class TimeOffDto {
  @ApiProperty({ format: 'date-time', example: '2026-12-24T13:00:00Z', description: 'Start' })
  @IsISO8601({ strict: true })
  startsAt!: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-27T13:00:00Z', description: 'End' })
  @IsISO8601({ strict: true })
  endsAt!: string;

  @ApiPropertyOptional({ example: 'Holiday', maxLength: 200, description: 'Why (staff see it)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}

/** A therapist's profile as stored, defaults applied. */
export class TherapistProfileViewDto {
  @ApiProperty({ format: 'uuid', description: 'The therapist (a user)' })
  userId!: string;

  @ApiProperty({
    enum: ['PT', 'PTA'],
    description: 'Physical therapist, or physical therapist assistant',
  })
  credential!: 'PT' | 'PTA';

  @ApiProperty({
    type: [String],
    example: ['PA'],
    description: 'Two-letter codes of the states (or countries) where the therapist may practise',
  })
  licenceStates!: string[];

  @ApiProperty({ description: 'Holds a direct-access certificate' })
  directAccessCertified!: boolean;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'When the certificate was granted; null if not given',
  })
  directAccessCertifiedOn!: string | null;

  @ApiProperty({ description: 'Holds a DPT or another doctorate' })
  doctoralDegree!: boolean;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 6,
    description: 'Years since first licensed; null if not given',
  })
  yearsLicensed!: number | null;

  @ApiProperty({
    type: [String],
    example: ['US-PA'],
    description: 'Jurisdictions whose direct-access certificate the therapist holds',
  })
  directAccessCertificates!: string[];

  @ApiProperty({ description: 'Completed a residency or fellowship' })
  residencyOrFellowship!: boolean;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 4.5,
    description: 'Years of full-time-equivalent practice; null if not given',
  })
  fullTimePracticeYears!: number | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 30,
    description: 'Hours of CE in differential diagnosis; null if not given',
  })
  differentialDiagnosisCeHours!: number | null;

  @ApiProperty({ description: 'Holds professional liability insurance' })
  liabilityInsured!: boolean;
}

/** Time off as recorded. */
export class TimeOffViewDto {
  @ApiProperty({ format: 'uuid', description: 'The time off' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'The therapist' })
  therapistId!: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-24T13:00:00.000Z', description: 'Start' })
  startsAt!: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-27T13:00:00.000Z', description: 'End' })
  endsAt!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Holiday',
    description: 'Why; null if not given',
  })
  reason!: string | null;
}
