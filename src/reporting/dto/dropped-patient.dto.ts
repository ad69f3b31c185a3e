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

export class DroppedPatientDto {
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
