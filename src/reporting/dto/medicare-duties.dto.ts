import { ApiProperty, OmitType } from '@nestjs/swagger';
import { DroppedPatientsQueryDto } from './dropped-patient.dto';
import { MEDICARE_DUTY_DEFINITIONS } from '../rules/medicare-duties';

/** The clinics to count, as for the patients to call; no page, as there is a row per clinic. */
export class MedicareDutiesQueryDto extends OmitType(DroppedPatientsQueryDto, [
  'limit',
  'offset',
]) {}

const d = MEDICARE_DUTY_DEFINITIONS;

export class MedicareDutyCountsDto {
  @ApiProperty({ type: 'integer', example: 12, description: d.medicarePlans })
  medicarePlans!: number;

  @ApiProperty({ type: 'integer', example: 2, description: d.certificationsDue })
  certificationsDue!: number;

  @ApiProperty({ type: 'integer', example: 0, description: d.certificationsOverdue })
  certificationsOverdue!: number;

  @ApiProperty({ type: 'integer', example: 1, description: d.recertificationsDue })
  recertificationsDue!: number;

  @ApiProperty({ type: 'integer', example: 0, description: d.recertificationsOverdue })
  recertificationsOverdue!: number;

  @ApiProperty({ type: 'integer', example: 3, description: d.progressReportsDue })
  progressReportsDue!: number;

  @ApiProperty({ type: 'integer', example: 1, description: d.progressReportsOverdue })
  progressReportsOverdue!: number;
}

export class MedicareDutiesRowDto {
  @ApiProperty({ format: 'uuid', description: 'The clinic' })
  locationId!: string;

  @ApiProperty({ example: 'Scranton', description: 'The clinic’s name' })
  clinic!: string;

  @ApiProperty({
    format: 'date',
    example: '2026-11-10',
    description: 'The clinic’s local date the duties are read on: its today',
  })
  asOf!: string;

  @ApiProperty({ type: MedicareDutyCountsDto, description: 'The clinic’s counts' })
  counts!: MedicareDutyCountsDto;
}

export class MedicareDutiesDto {
  @ApiProperty({
    type: [MedicareDutiesRowDto],
    description: 'One row per clinic in scope with a Medicare plan in force, by name',
  })
  rows!: MedicareDutiesRowDto[];

  @ApiProperty({ type: MedicareDutyCountsDto, description: 'Every clinic’s counts added up' })
  totals!: MedicareDutyCountsDto;
}
