import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';

const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A start given either as an instant or as the location's wall-clock time. */
export class StartTimeDto {
  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-11-30T14:00:00Z',
    description: 'Start as a UTC instant (or with an offset); or give localStart',
  })
  @ValidateIf((dto: StartTimeDto) => dto.localStart === undefined)
  @IsISO8601(
    { strict: true },
    { message: 'startsAt must be an ISO 8601 instant; or give localStart' },
  )
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: 'startsAt must carry Z or an offset' })
  startsAt?: string;

  @ApiPropertyOptional({
    example: '2026-11-30T09:00',
    pattern: LOCAL_TIME.source,
    description:
      'Start as wall-clock time in the location’s zone (YYYY-MM-DDTHH:mm); a time the clocks skip is refused',
  })
  @IsOptional()
  @Matches(LOCAL_TIME, { message: 'localStart must be a local time as YYYY-MM-DDTHH:mm' })
  localStart?: string;
}

/** Who is seen, for what, where and by whom: shared by single bookings and series. */
export class AppointmentTargetDto {
  @ApiProperty({ format: 'uuid', description: 'The patient seen' })
  @IsUUID()
  patientId!: string;

  @ApiProperty({ format: 'uuid', description: 'What kind of visit' })
  @IsUUID()
  appointmentTypeId!: string;

  @ApiProperty({ format: 'uuid', description: 'Where' })
  @IsUUID()
  locationId!: string;

  @ApiProperty({ format: 'uuid', description: 'By whom' })
  @IsUUID()
  therapistId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Episode of care the visit belongs to' })
  @IsOptional()
  @IsUUID()
  episodeId?: string;

  @ApiPropertyOptional({
    example: 'Low back pain since a fall two weeks ago',
    maxLength: 500,
    description: 'Why the patient comes, in their words or the front desk’s',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'reasonForVisit must not be blank; leave it out instead' })
  @MaxLength(500)
  reasonForVisit?: string;
}

/** The episode of care a visit belongs to, set or changed after booking. */
export class AppointmentEpisodeDto {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The patient’s episode the visit belongs to; null takes it out of any episode',
  })
  @ValidateIf((dto: AppointmentEpisodeDto) => dto.episodeId !== null)
  @IsUUID('all', { message: 'episodeId must be a UUID or null' })
  episodeId!: string | null;
}

/** Why an admin books past a policy's refusal (the treatment gate); audited with the visit. */
export class GateOverrideDto {
  @ApiPropertyOptional({
    maxLength: 500,
    example: 'Physician referral received by phone; written copy on its way',
    description:
      'An admin’s reason to book a treatment visit past the treatment gate (direct-access window, visit limit): the refusal becomes a warning and the reason is audited. Ignored for other roles.',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  gateOverrideReason?: string;
}

export class BookAppointmentDto extends IntersectionType(
  StartTimeDto,
  AppointmentTargetDto,
  GateOverrideDto,
) {}

export class CancelDto {
  @ApiProperty({
    example: 'Patient has the flu',
    maxLength: 500,
    description: 'Why it is cancelled',
  })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class RescheduleDto extends IntersectionType(StartTimeDto, GateOverrideDto) {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Another therapist, if the visit changes hands',
  })
  @IsOptional()
  @IsUUID()
  therapistId?: string;
}

export class SeriesDto extends AppointmentTargetDto {
  @ApiProperty({
    example: '2026-11-02T09:00',
    pattern: LOCAL_TIME.source,
    description: 'First visit, location wall-clock time (YYYY-MM-DDTHH:mm)',
  })
  @Matches(LOCAL_TIME, { message: 'localStart must be a local time as YYYY-MM-DDTHH:mm' })
  localStart!: string;

  @ApiProperty({
    example: 'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=12',
    maxLength: 500,
    description: 'RFC 5545 RRULE, with COUNT or UNTIL',
  })
  @IsString()
  @MaxLength(500)
  rrule!: string;

  @ApiProperty({
    enum: ['book_available', 'book_none'],
    description: 'When some occurrences conflict: book the free ones, or none at all',
  })
  @IsIn(['book_available', 'book_none'])
  onConflict!: 'book_available' | 'book_none';
}
