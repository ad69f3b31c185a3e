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
