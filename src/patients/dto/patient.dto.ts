import { CALENDAR_DATE } from '../../common/validation-patterns';
import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { PageQuery } from '../../common/pagination/page';
import {
  CONTACT_METHODS,
  type ContactMethod,
  type Patient,
  PAYERS,
  type Payer,
  REFERRAL_SOURCES,
  type ReferralSource,
  SEXES,
  type Sex,
} from '../patient.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreatePatientDto {
  @ApiProperty({ example: 'Maria' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstName!: string;

  @ApiProperty({ example: 'Kowalski' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lastName!: string;

  @ApiProperty({ example: '1968-04-12', format: 'date' })
  @Matches(CALENDAR_DATE, { message: 'dateOfBirth must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'dateOfBirth must be a real calendar date' })
  dateOfBirth!: string;

  @ApiPropertyOptional({ enum: SEXES })
  @IsOptional()
  @IsIn(SEXES)
  sex?: Sex;

  @ApiPropertyOptional({ example: 'maria.k@example.com' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '+1 570-555-0142' })
  @IsOptional()
  @Matches(/^\+?[0-9 ().-]{7,20}$/, {
    message: 'phone must be a phone number such as +1 570-555-0142',
  })
  phone?: string;

  @ApiPropertyOptional({ example: '12 Wyoming Ave' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  addressLine1?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  addressLine2?: string;

  @ApiPropertyOptional({ example: 'Kingston' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  city?: string;

  @ApiPropertyOptional({ example: 'PA', description: 'USPS state code of the home address' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'state must be a two-letter code such as PA' })
  state?: string;

  @ApiPropertyOptional({ example: '18704' })
  @IsOptional()
  @Matches(/^\d{5}(-\d{4})?$/, { message: 'postalCode must be a ZIP code such as 18704' })
  postalCode?: string;

  @ApiPropertyOptional({ enum: PAYERS })
  @IsOptional()
  @IsIn(PAYERS)
  payer?: Payer;

  @ApiPropertyOptional({ enum: REFERRAL_SOURCES })
  @IsOptional()
  @IsIn(REFERRAL_SOURCES)
  referralSource?: ReferralSource;

  @ApiPropertyOptional({ enum: CONTACT_METHODS, default: 'phone' })
  @IsOptional()
  @IsIn(CONTACT_METHODS)
  preferredContact?: ContactMethod;

  @ApiPropertyOptional({ default: false, description: 'The patient agreed to receive email' })
  @IsOptional()
  @IsBoolean()
  emailConsent?: boolean;

  @ApiProperty({ format: 'uuid', description: 'The clinic the patient belongs to' })
  @IsUUID()
  homeLocationId!: string;
}

export class UpdatePatientDto extends PartialType(CreatePatientDto) {}

export class PatientFilter {
  @ApiPropertyOptional({
    example: 'kowal',
    description: 'Matches the start of first or last name, any case',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ example: '1968-04-12', format: 'date' })
  @IsOptional()
  @Matches(CALENDAR_DATE, { message: 'dateOfBirth must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'dateOfBirth must be a real calendar date' })
  dateOfBirth?: string;

  @ApiPropertyOptional({
    example: '5550142',
    description: 'Digits anywhere in the phone number; punctuation is ignored',
  })
  @IsOptional()
  @Matches(/^[0-9 ().+-]{3,20}$/, { message: 'phone must hold at least 3 digits' })
  phone?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  locationId?: string;

  @ApiPropertyOptional({ default: false, description: 'Also list archived patients' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  includeArchived?: boolean;
}

export class PatientQuery extends IntersectionType(PageQuery, PatientFilter) {}

export class PatientDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Maria' })
  firstName!: string;

  @ApiProperty({ example: 'Kowalski' })
  lastName!: string;

  @ApiProperty({ example: '1968-04-12', format: 'date' })
  dateOfBirth!: string;

  @ApiPropertyOptional({ enum: SEXES, nullable: true })
  sex!: Sex | null;

  @ApiPropertyOptional({ nullable: true })
  email!: string | null;

  @ApiPropertyOptional({ nullable: true })
  phone!: string | null;

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

  @ApiPropertyOptional({ enum: PAYERS, nullable: true })
  payer!: Payer | null;

  @ApiPropertyOptional({ enum: REFERRAL_SOURCES, nullable: true })
  referralSource!: ReferralSource | null;

  @ApiProperty({ enum: CONTACT_METHODS })
  preferredContact!: ContactMethod;

  @ApiProperty()
  emailConsent!: boolean;

  @ApiPropertyOptional({ nullable: true })
  emailConsentAt!: string | null;

  @ApiProperty({ format: 'uuid' })
  homeLocationId!: string;

  @ApiPropertyOptional({ nullable: true })
  archivedAt!: string | null;

  static from(patient: Patient): PatientDto {
    const { createdAt: _created, updatedAt: _updated, ...fields } = patient;
    return {
      ...fields,
      emailConsentAt: patient.emailConsentAt?.toISOString() ?? null,
      archivedAt: patient.archivedAt?.toISOString() ?? null,
    };
  }
}

export class CreatedPatientDto extends PatientDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description:
      'Patients with the same name and date of birth in the caller’s clinics: likely duplicates to check',
  })
  possibleDuplicates!: string[];
}
