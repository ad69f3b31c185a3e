import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateBy,
} from 'class-validator';
import { IsCalendarDate } from '../../common/dto/calendar-date.decorator';
import { RequiredText } from '../../common/dto/required-text.decorator';
import { ICD10_CM, isValidNpi } from '../rules/identifiers';
import { PROFESSIONS, type Profession } from '../rules/rule-parameters';

const npi = () =>
  ValidateBy({
    name: 'isNpi',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isValidNpi(value),
      defaultMessage: () =>
        'npi must be 10 digits whose last is the Luhn check digit (CMS NPI standard)',
    },
  });

class ProviderDto {
  @ApiProperty({
    enum: PROFESSIONS,
    example: 'physician',
    description: 'The provider’s profession',
  })
  @IsIn(PROFESSIONS)
  profession!: Profession;

  @ApiPropertyOptional({
    example: '1234567893',
    pattern: '^[0-9]{10}$',
    description: 'National Provider Identifier, check digit verified',
  })
  @IsOptional()
  @npi()
  npi?: string;
}

export class ReferralDto extends ProviderDto {
  @ApiProperty({ example: 'Dr. Ana Reyes', maxLength: 200, description: 'Referring provider' })
  @RequiredText(200)
  providerName!: string;

  @ApiProperty({ format: 'date', example: '2026-12-01', description: 'Date of the referral' })
  @IsCalendarDate('referredOn')
  referredOn!: string;

  @ApiPropertyOptional({
    example: 'M62.830',
    pattern: ICD10_CM.source,
    description: 'Diagnosis, ICD-10-CM code',
  })
  @IsOptional()
  @Matches(ICD10_CM, { message: 'diagnosisCode must be an ICD-10-CM code such as M62.830' })
  diagnosisCode?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 365,
    example: 12,
    description: 'Visits authorised',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  visitsAuthorised?: number;

  @ApiPropertyOptional({
    format: 'date',
    example: '2027-03-01',
    description: 'Last day the referral is valid',
  })
  @IsOptional()
  @IsCalendarDate('expiresOn')
  expiresOn?: string;
}

export class PlanSignatureDto extends ProviderDto {
  @ApiProperty({
    example: 'Dr. Ana Reyes',
    maxLength: 200,
    description: 'Who signed the plan of care',
  })
  @RequiredText(200)
  signerName!: string;

  @ApiProperty({
    enum: ['certification', 'recertification', 'approval'],
    description:
      'Medicare certification or recertification, or a practitioner’s approval (Florida, California)',
  })
  @IsIn(['certification', 'recertification', 'approval'])
  kind!: 'certification' | 'recertification' | 'approval';

  @ApiProperty({ format: 'date', example: '2026-12-03', description: 'Date of the signature' })
  @IsCalendarDate('signedOn')
  signedOn!: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Last day the signature certifies, when the plan says',
  })
  @IsOptional()
  @IsCalendarDate('periodEnd')
  periodEnd?: string;

  @ApiPropertyOptional({
    maxLength: 200,
    example: 'Fax 2026-12-03 14:10',
    description: 'Where the signed document is',
  })
  @IsOptional()
  @RequiredText(200)
  documentReference?: string;
}

export class PhysicianNotificationDto {
  @ApiProperty({
    enum: ['direct_access_notice', 'plan_of_care'],
    description: 'A notice that the patient is treated without referral, or the plan of care sent',
  })
  @IsIn(['direct_access_notice', 'plan_of_care'])
  kind!: 'direct_access_notice' | 'plan_of_care';

  @ApiProperty({ format: 'date', example: '2026-12-04', description: 'When it was sent' })
  @IsCalendarDate('sentOn')
  sentOn!: string;

  @ApiProperty({
    example: 'Dr. Ana Reyes, Scranton Family Medicine',
    maxLength: 200,
    description: 'To whom',
  })
  @RequiredText(200)
  recipient!: string;

  @ApiProperty({
    enum: ['fax', 'mail', 'email', 'portal', 'phone', 'in_person'],
    description: 'How',
  })
  @IsIn(['fax', 'mail', 'email', 'portal', 'phone', 'in_person'])
  method!: 'fax' | 'mail' | 'email' | 'portal' | 'phone' | 'in_person';
}

export class DisclosureDto {
  @ApiProperty({
    example: 'Notice of Advice',
    maxLength: 200,
    description: 'The form the patient signed, as the rule names it',
  })
  @RequiredText(200)
  form!: string;

  @ApiProperty({ format: 'date', example: '2026-12-01', description: 'When the patient signed it' })
  @IsCalendarDate('signedOn')
  signedOn!: string;
}

export class PhysicianClearanceDto {
  @ApiProperty({
    enum: ['physician', 'osteopathic_physician'],
    description: 'A physician (MD or DO): only a physician’s clearance lifts a red-flag emergency',
  })
  @IsIn(['physician', 'osteopathic_physician'])
  profession!: 'physician' | 'osteopathic_physician';

  @ApiPropertyOptional({
    example: '1234567893',
    pattern: '^[0-9]{10}$',
    description: 'National Provider Identifier, check digit verified',
  })
  @IsOptional()
  @npi()
  npi?: string;

  @ApiProperty({
    example: 'Dr. Ana Reyes',
    maxLength: 200,
    description: 'The physician who cleared the patient',
  })
  @RequiredText(200)
  clearedByName!: string;

  @ApiProperty({
    format: 'date-time',
    example: '2026-12-05T15:00:00Z',
    description: 'When the clearance was given',
  })
  @IsISO8601({ strict: true }, { message: 'clearedAt must be a date-time' })
  clearedAt!: string;

  @ApiProperty({
    example: 'ED discharge letter 2026-12-05, scanned',
    maxLength: 200,
    description: 'The document on file',
  })
  @RequiredText(200)
  documentReference!: string;
}

export class ProgressReportDto {
  @ApiProperty({
    format: 'date',
    example: '2026-12-18',
    description: 'Date of the progress report',
  })
  @IsCalendarDate('reportedOn')
  reportedOn!: string;

  @ApiProperty({ format: 'uuid', description: 'The physical therapist who wrote it' })
  @IsUUID()
  therapistId!: string;
}

export class RecordedDto {
  @ApiProperty({ format: 'uuid', description: 'The record' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'The episode it belongs to' })
  episodeId!: string;

  @ApiProperty({
    enum: [
      'referral',
      'plan_signature',
      'physician_notification',
      'disclosure',
      'physician_clearance',
      'progress_report',
    ],
    description: 'What it is',
  })
  kind!: string;

  @ApiProperty({ format: 'uuid', description: 'Who recorded it' })
  recordedBy!: string;

  @ApiProperty({ format: 'date-time', description: 'When it was recorded' })
  recordedAt!: string;
}
