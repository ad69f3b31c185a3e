import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class WeeklyWindowDto {
  @ApiProperty({
    minimum: 1,
    maximum: 7,
    example: 1,
    description: 'ISO weekday: 1 Monday .. 7 Sunday',
  })
  @Max(7)
  @Min(1)
  @IsInt()
  weekday!: number;

  @ApiProperty({ example: '08:00', description: 'Local wall-clock time, HH:mm' })
  @Matches(TIME, { message: 'opens must be a time as HH:mm' })
  opens!: string;

  @ApiProperty({ example: '17:00' })
  @Matches(TIME, { message: 'closes must be a time as HH:mm' })
  closes!: string;
}

export class OpeningHoursDto {
  @ApiProperty({ type: [WeeklyWindowDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => WeeklyWindowDto)
  windows!: WeeklyWindowDto[];
}

export class ClosureDto {
  @ApiProperty({ format: 'date', example: '2026-12-25' })
  @Matches(CALENDAR_DATE, { message: 'startsOn must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  startsOn!: string;

  @ApiProperty({ format: 'date', example: '2026-12-25' })
  @Matches(CALENDAR_DATE, { message: 'endsOn must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  endsOn!: string;

  @ApiProperty({ example: 'Christmas Day' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reason!: string;
}

export class ResourceDto {
  @ApiProperty({ example: 'Aquatic pool' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: 'pool', description: 'What appointment types ask for' })
  @Matches(/^[a-z_]+$/, { message: 'kind must be lower-case letters and underscores' })
  kind!: string;

  @ApiProperty({ example: 4, minimum: 1 })
  @Max(1000)
  @Min(1)
  @IsInt()
  capacity!: number;
}

export class AppointmentTypeDto {
  @ApiProperty({ example: 'aquatic_therapy' })
  @Matches(/^[a-z0-9_]+$/, { message: 'code must be lower-case letters, digits and underscores' })
  code!: string;

  @ApiProperty({ example: 'Aquatic therapy' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: 45 })
  @Max(480)
  @Min(5)
  @IsInt()
  durationMinutes!: number;

  @ApiPropertyOptional({ example: 0, default: 0 })
  @IsOptional()
  @Max(240)
  @Min(0)
  @IsInt()
  bufferBeforeMinutes?: number;

  @ApiPropertyOptional({
    example: 15,
    default: 0,
    description: 'Clean-up or travel after the visit',
  })
  @IsOptional()
  @Max(240)
  @Min(0)
  @IsInt()
  bufferAfterMinutes?: number;

  @ApiPropertyOptional({ example: 'pool', nullable: true })
  @IsOptional()
  @Matches(/^[a-z_]+$/, { message: 'resourceKind must be lower-case letters and underscores' })
  resourceKind?: string;

  @ApiPropertyOptional({ example: 1, default: 1, description: 'Patients per session' })
  @IsOptional()
  @Max(100)
  @Min(1)
  @IsInt()
  groupCapacity?: number;

  @ApiProperty({ example: ['PT', 'PTA'], enum: ['PT', 'PTA'], isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(['PT', 'PTA'], { each: true })
  allowedCredentials!: ('PT' | 'PTA')[];

  @ApiPropertyOptional({ default: true, description: 'Held back while red flags block treatment' })
  @IsOptional()
  @IsBoolean()
  treatment?: boolean;

  @ApiPropertyOptional({
    example: 48,
    nullable: true,
    type: Number,
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
    type: Number,
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
    type: Number,
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
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class TherapistProfileDto {
  @ApiProperty({ enum: ['PT', 'PTA'] })
  @IsIn(['PT', 'PTA'])
  credential!: 'PT' | 'PTA';

  @ApiProperty({ example: ['PA'], type: [String] })
  @IsArray()
  @Matches(/^[A-Z]{2}$/, { each: true, message: 'licenceStates must be two-letter state codes' })
  licenceStates!: string[];

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  directAccessCertified?: boolean;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(CALENDAR_DATE, { message: 'directAccessCertifiedOn must be a date as YYYY-MM-DD' })
  directAccessCertifiedOn?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  doctoralDegree?: boolean;

  @ApiPropertyOptional({ example: 6 })
  @IsOptional()
  @Max(70)
  @Min(0)
  @IsInt()
  yearsLicensed?: number;
}

export class TherapistWindowDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  locationId!: string;

  @ApiProperty({ minimum: 1, maximum: 7, example: 1 })
  @Max(7)
  @Min(1)
  @IsInt()
  weekday!: number;

  @ApiProperty({ example: '08:00' })
  @Matches(TIME, { message: 'starts must be a time as HH:mm' })
  starts!: string;

  @ApiProperty({ example: '16:00' })
  @Matches(TIME, { message: 'ends must be a time as HH:mm' })
  ends!: string;
}

export class TherapistHoursDto {
  @ApiProperty({ type: [TherapistWindowDto], description: 'Monday and Wednesday in Scranton, ...' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TherapistWindowDto)
  windows!: TherapistWindowDto[];
}

export class TimeOffDto {
  @ApiProperty({ example: '2026-12-24T13:00:00Z' })
  @IsISO8601({ strict: true })
  startsAt!: string;

  @ApiProperty({ example: '2026-12-27T13:00:00Z' })
  @IsISO8601({ strict: true })
  endsAt!: string;

  @ApiPropertyOptional({ example: 'Holiday' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}
