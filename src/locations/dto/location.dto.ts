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
  @ApiProperty({
    example: 'scranton',
    maxLength: 60,
    pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
    description: 'Lower-case slug, unique',
  })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: 'code must be a lower-case slug such as wilkes-barre',
  })
  @MaxLength(60)
  code!: string;

  @ApiProperty({ example: 'Scranton', maxLength: 200, description: 'Name of the clinic' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({
    example: '1 Courthouse Square',
    maxLength: 200,
    description: 'Street address',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  addressLine1?: string;

  @ApiPropertyOptional({
    example: 'Suite 200',
    maxLength: 200,
    description: 'Second address line',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  addressLine2?: string;

  @ApiPropertyOptional({ example: 'Scranton', maxLength: 100, description: 'City' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  city?: string;

  @ApiPropertyOptional({
    example: 'PA',
    pattern: '^[A-Z]{2}$',
    description: 'USPS state code: licences and direct-access rules follow it',
  })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'state must be a two-letter code such as PA' })
  state?: string;

  @ApiPropertyOptional({ example: '18503', maxLength: 20, description: 'Postal code' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  postalCode?: string;

  @ApiPropertyOptional({
    example: 'US',
    default: 'US',
    pattern: '^[A-Z]{2}$',
    description: 'ISO 3166-1 alpha-2 country code',
  })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as US' })
  country?: string;

  @ApiProperty({
    example: 'America/New_York',
    description: 'IANA time zone: opening hours and local times are in it',
  })
  @Validate(IsIanaTimeZone)
  timeZone!: string;

  @ApiPropertyOptional({
    example: '+1 570-555-0100',
    maxLength: 40,
    description: 'Phone number patients call',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional({
    type: 'integer',
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
    type: 'integer',
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

/** A clinic location. */
export class LocationDto {
  @ApiProperty({ format: 'uuid', description: 'The location' })
  id!: string;

  @ApiProperty({ example: 'scranton', description: 'Lower-case slug, unique' })
  code!: string;

  @ApiProperty({ example: 'Scranton', description: 'Name of the clinic' })
  name!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '1 Courthouse Square',
    description: 'Street address; null if not given',
  })
  addressLine1!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Suite 200',
    description: 'Second address line; null if not given',
  })
  addressLine2!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Scranton',
    description: 'City; null if not given',
  })
  city!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'PA',
    description: 'USPS state code; null if not given',
  })
  state!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '18503',
    description: 'Postal code; null if not given',
  })
  postalCode!: string | null;

  @ApiProperty({ example: 'US', description: 'ISO 3166-1 alpha-2 country code' })
  country!: string;

  @ApiProperty({
    example: 'America/New_York',
    description: 'IANA time zone: opening hours and local times are in it',
  })
  timeZone!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '+1 570-555-0100',
    description: 'Phone number patients call; null if not given',
  })
  phone!: string | null;

  @ApiProperty({
    type: 'integer',
    example: 24,
    description: 'Hours before a visit that the reminder email goes (local wall-clock time)',
  })
  reminderHoursBefore!: number;

  @ApiProperty({
    type: 'integer',
    example: 2,
    nullable: true,
    description: 'Hours before a visit that a second reminder goes; null for none',
  })
  secondReminderHoursBefore!: number | null;

  static from(location: Location): LocationDto {
    const { createdAt: _created, updatedAt: _updated, ...fields } = location;
    return fields;
  }
}
