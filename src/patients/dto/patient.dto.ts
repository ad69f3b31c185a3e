import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsEmail,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { PageQuery } from '../../common/pagination/page';
import type { Patient } from '../patient.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

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

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  locationId?: string;
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

  @ApiPropertyOptional({ nullable: true })
  email!: string | null;

  @ApiPropertyOptional({ nullable: true })
  phone!: string | null;

  @ApiProperty({ format: 'uuid' })
  homeLocationId!: string;

  @ApiPropertyOptional({ nullable: true })
  archivedAt!: string | null;

  static from(patient: Patient): PatientDto {
    return {
      id: patient.id,
      firstName: patient.firstName,
      lastName: patient.lastName,
      dateOfBirth: patient.dateOfBirth,
      email: patient.email,
      phone: patient.phone,
      homeLocationId: patient.homeLocationId,
      archivedAt: patient.archivedAt?.toISOString() ?? null,
    };
  }
}
