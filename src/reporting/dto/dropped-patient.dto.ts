import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../../common/pagination/page';

export class DroppedPatientsQueryDto extends PageQuery {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description:
      'Clinics to include (repeat or comma-separate); every clinic the caller reads if absent',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',') : value,
  )
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  locationId?: string[];
}

export class UnderScheduledPlanDto {
  @ApiProperty({
    type: 'integer',
    example: 3,
    description: 'Treatment visits held or booked within the plan’s dates',
  })
  held!: number;

  @ApiProperty({
    type: 'integer',
    example: 8,
    description: 'Visits the plan prescribes (frequency times weeks), or those authorised if fewer',
  })
  wanted!: number;
}

export class DroppedPatientDto {
  @ApiProperty({
    enum: ['nothing_booked_ahead', 'under_scheduled'],
    example: 'nothing_booked_ahead',
    description:
      'Why to call: nothing booked ahead at any clinic, or visits booked ahead but fewer than the active plan of care (not yet ended) prescribes',
  })
  reason!: 'nothing_booked_ahead' | 'under_scheduled';

  @ApiProperty({
    type: UnderScheduledPlanDto,
    nullable: true,
    description:
      'The active plan of care’s visits when fewer are held or booked within its dates than it prescribes (or authorises) and it has not ended; null otherwise',
  })
  plan!: UnderScheduledPlanDto | null;

  @ApiProperty({ format: 'uuid', description: 'The open episode of care' })
  episodeId!: string;

  @ApiProperty({ format: 'uuid', description: 'The patient' })
  patientId!: string;

  @ApiProperty({ example: 'Ann', description: 'First name, to call them' })
  firstName!: string;

  @ApiProperty({ example: 'Mazur', description: 'Last name' })
  lastName!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '570-555-0100',
    description: 'Phone, if recorded',
  })
  phone!: string | null;

  @ApiProperty({ format: 'uuid', description: 'The clinic of the episode' })
  locationId!: string;

  @ApiProperty({ example: 'Scranton', description: 'The clinic’s name' })
  clinic!: string;

  @ApiProperty({ format: 'date', example: '2026-09-01', description: 'When the episode opened' })
  openedOn!: string;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    example: '2026-10-20',
    description: 'Local date of the last visit the patient came to (any clinic); null if none',
  })
  lastVisitOn!: string | null;
}
