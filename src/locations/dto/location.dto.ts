import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { PartialType, OmitType } from '@nestjs/swagger';
import {
  IsInt,
  IsNotEmpty,
  IsOptional,
  Max,
  Min,
  ValidateIf,
  IsString,
  Matches,
  MaxLength,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { IANAZone } from 'luxon';
import type { Location } from '../location.entity';

@ValidatorConstraint({ name: 'isIanaTimeZone' })
class IsIanaTimeZone implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && value.includes('/') && IANAZone.isValidZone(value);
  }

  defaultMessage(): string {
    return 'timeZone must be an IANA time zone such as America/New_York';
  }
}

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateLocationDto {
  @ApiProperty({ example: 'scranton', description: 'Lower-case slug, unique' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: 'code must be a lower-case slug such as wilkes-barre',
  })
  @MaxLength(60)
  code!: string;

  @ApiProperty({ example: 'Scranton' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: '1 Courthouse Square' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  addressLine1?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  addressLine2?: string;

  @ApiPropertyOptional({ example: 'Scranton' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  city?: string;

  @ApiPropertyOptional({ example: 'PA', description: 'USPS state code' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'state must be a two-letter code such as PA' })
  state?: string;

  @ApiPropertyOptional({ example: '18503' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  postalCode?: string;

  @ApiPropertyOptional({ example: 'US', default: 'US' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as US' })
  country?: string;

  @ApiProperty({ example: 'America/New_York' })
  @Validate(IsIanaTimeZone)
  timeZone!: string;

  @ApiPropertyOptional({ example: '+1 570-555-0100' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional({
    example: 24,
    default: 24,
    minimum: 1,
    maximum: 168,
    description:
      'Hours before a visit that the reminder email goes, in the location’s wall-clock time (24 = same time the day before); moved earlier out of quiet hours (21:00-08:00)',
  })
  @ValidateIf((_, value) => value !== undefined)
  @Max(168)
  @Min(1)
  @IsInt()
  reminderHoursBefore?: number;

  @ApiPropertyOptional({
    example: 2,
    nullable: true,
    type: Number,
    minimum: 1,
    maximum: 48,
    description: 'A second reminder this many hours before (fewer than the first); null for none',
  })
  @IsOptional()
  @Max(48)
  @Min(1)
  @IsInt()
  secondReminderHoursBefore?: number | null;
}

export class UpdateLocationDto extends PartialType(
  OmitType(CreateLocationDto, ['code'] as const),
) {}

export class LocationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'scranton' })
  code!: string;

  @ApiProperty({ example: 'Scranton' })
  name!: string;

  @ApiPropertyOptional({ nullable: true })
  addressLine1!: string | null;

  @ApiPropertyOptional({ nullable: true })
  addressLine2!: string | null;

  @ApiPropertyOptional({ nullable: true })
  city!: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'PA' })
  state!: string | null;

  @ApiPropertyOptional({ nullable: true })
  postalCode!: string | null;

  @ApiProperty({ example: 'US' })
  country!: string;

  @ApiProperty({ example: 'America/New_York' })
  timeZone!: string;

  @ApiPropertyOptional({ nullable: true })
  phone!: string | null;

  @ApiProperty({ example: 24 })
  reminderHoursBefore!: number;

  @ApiProperty({ example: 2, nullable: true, type: Number })
  secondReminderHoursBefore!: number | null;

  static from(location: Location): LocationDto {
    const { createdAt: _created, updatedAt: _updated, ...fields } = location;
    return fields;
  }
}
