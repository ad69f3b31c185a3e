import { PatientErrors } from '../patients.errors';
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

/** The payers a patient may have, for other modules' requests (direct access's evaluation). */
export { PAYERS };

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreatePatientDto {
  @ApiProperty({ example: 'Maria', maxLength: 100, description: 'Given name' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstName!: string;

  @ApiProperty({ example: 'Kowalski', maxLength: 100, description: 'Family name' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lastName!: string;

  @ApiProperty({ example: '1968-04-12', format: 'date', description: 'Date of birth' })
  @Matches(CALENDAR_DATE, { message: 'dateOfBirth must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'dateOfBirth must be a real calendar date' })
  dateOfBirth!: string;

  @ApiPropertyOptional({ enum: SEXES, description: 'Sex as recorded' })
  @IsOptional()
  @IsIn(SEXES)
  sex?: Sex;

  @ApiPropertyOptional({
    format: 'email',
    maxLength: 254,
    example: 'maria.k@example.com',
    description: 'Email address; emails need emailConsent too',
  })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({
    example: '+1 570-555-0142',
    pattern: '^\\+?[0-9 ().-]{7,20}$',
    description: 'Phone number',
  })
  @IsOptional()
  @Matches(/^\+?[0-9 ().-]{7,20}$/, {
    message: 'phone must be a phone number such as +1 570-555-0142',
  })
  phone?: string;

  @ApiPropertyOptional({
    example: '12 Wyoming Ave',
    maxLength: 200,
    description: 'Home street address',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  addressLine1?: string;

  @ApiPropertyOptional({ example: 'Apt 3', maxLength: 200, description: 'Second address line' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  addressLine2?: string;

  @ApiPropertyOptional({ example: 'Kingston', maxLength: 100, description: 'City' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  city?: string;

  @ApiPropertyOptional({
    example: 'PA',
    pattern: '^[A-Z]{2}$',
    description: 'USPS state code of the home address',
  })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'state must be a two-letter code such as PA' })
  state?: string;

  @ApiPropertyOptional({
    example: '18704',
    pattern: '^\\d{5}(-\\d{4})?$',
    description: 'ZIP code',
  })
  @IsOptional()
  @Matches(/^\d{5}(-\d{4})?$/, { message: 'postalCode must be a ZIP code such as 18704' })
  postalCode?: string;

  @ApiPropertyOptional({ enum: PAYERS, description: 'Who pays for the visits' })
  @IsOptional()
  @IsIn(PAYERS)
  payer?: Payer;

  @ApiPropertyOptional({ enum: REFERRAL_SOURCES, description: 'Who sent the patient' })
  @IsOptional()
  @IsIn(REFERRAL_SOURCES)
  referralSource?: ReferralSource;

  @ApiPropertyOptional({
    enum: CONTACT_METHODS,
    default: 'phone',
    description: 'How the patient prefers to be reached',
  })
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

  @ApiPropertyOptional({
    example: '1968-04-12',
    format: 'date',
    description: 'Only patients born on this date',
  })
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

  @ApiPropertyOptional({ format: 'uuid', description: 'Only patients of this clinic' })
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

/** A patient as the staff of the patient’s clinics see them. */
export class PatientDto {
  @ApiProperty({ format: 'uuid', description: 'The patient' })
  id!: string;

  @ApiProperty({ example: 'Maria', description: 'Given name' })
  firstName!: string;

  @ApiProperty({ example: 'Kowalski', description: 'Family name' })
  lastName!: string;

  @ApiProperty({ example: '1968-04-12', format: 'date', description: 'Date of birth' })
  dateOfBirth!: string;

  @ApiProperty({
    enum: [...SEXES, null],
    nullable: true,
    description: 'Sex as recorded; null if not given',
  })
  sex!: Sex | null;

  @ApiProperty({
    type: String,
    format: 'email',
    nullable: true,
    example: 'maria.k@example.com',
    description: 'Email address; null if not given',
  })
  email!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '+1 570-555-0142',
    description: 'Phone number; null if not given',
  })
  phone!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '12 Wyoming Ave',
    description: 'Home street address; null if not given',
  })
  addressLine1!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Apt 3',
    description: 'Second address line; null if not given',
  })
  addressLine2!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Kingston',
    description: 'City; null if not given',
  })
  city!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'PA',
    description: 'USPS state code of the home address; null if not given',
  })
  state!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '18704',
    description: 'ZIP code; null if not given',
  })
  postalCode!: string | null;

  @ApiProperty({
    enum: [...PAYERS, null],
    nullable: true,
    description: 'Who pays for the visits; null if not given',
  })
  payer!: Payer | null;

  @ApiProperty({
    enum: [...REFERRAL_SOURCES, null],
    nullable: true,
    description: 'Who sent the patient; null if not given',
  })
  referralSource!: ReferralSource | null;

  @ApiProperty({ enum: CONTACT_METHODS, description: 'How the patient prefers to be reached' })
  preferredContact!: ContactMethod;

  @ApiProperty({ description: 'Whether the patient agreed to receive email' })
  emailConsent!: boolean;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the patient agreed to email; null without consent',
  })
  emailConsentAt!: string | null;

  @ApiProperty({ format: 'uuid', description: 'The clinic the patient belongs to' })
  homeLocationId!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the patient was archived; null while active',
  })
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

/** One item of a patient's timeline: a visit, an episode of care, an assessment, an email. */
export class TimelineItemDto {
  @ApiProperty({
    format: 'date-time',
    example: '2026-11-30T14:00:00.000Z',
    description:
      'When: a visit’s start, an episode’s opening, an assessment’s signing, an email’s sending (or due time)',
  })
  occurredAt!: string;

  @ApiProperty({
    enum: [
      'appointment',
      'episode',
      'assessment',
      'email',
      'referral',
      'plan_signature',
      'physician_notification',
      'disclosure',
      'physician_clearance',
      'progress_report',
    ],
    description: 'What kind of record (assessments only for clinicians and admins)',
  })
  kind!: string;

  @ApiProperty({ format: 'uuid', description: 'The record, to open at its own endpoint' })
  id!: string;

  @ApiProperty({
    example: 'Follow-up visit with Dana Whitfield',
    description: 'What it is, in a few words',
  })
  title!: string;

  @ApiProperty({ example: 'completed', description: 'Its status in its own module’s terms' })
  status!: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The clinic it happened at; null for emails',
  })
  locationId!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { endsAt: '2026-11-30T14:45:00.000Z', therapistId: null },
    description: 'More of the record: ids of related records, dates, scores’ instruments',
  })
  details!: Record<string, unknown>;
}

/** Something the front desk should know about a record that was nevertheless accepted. */
export class PatientWarningDto {
  @ApiProperty({ example: PatientErrors.noEmailConsent, description: 'Code from the catalogue' })
  code!: string;

  @ApiProperty({
    example:
      'The patient has not consented to email (or withdrew it): no confirmation or reminder emails',
    description: 'What the front desk should know, for people',
  })
  message!: string;

  @ApiProperty({ example: 'emailConsent', description: 'The request field the warning is about' })
  field!: string;

  @ApiProperty({
    example: 'preferred contact is email, but no consent to email on file',
    description: 'What is wrong with the field, as in a problem’s errors[]',
  })
  reason!: string;
}

export class CreatedPatientDto extends PatientDto {
  @ApiProperty({
    type: [PatientWarningDto],
    description:
      'What the front desk should know: email preferred but no consent or no address (so no emails go); empty if nothing',
  })
  warnings!: PatientWarningDto[];

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description:
      'Patients with the same name and date of birth in the caller’s clinics: likely duplicates to check',
  })
  possibleDuplicates!: string[];
}
