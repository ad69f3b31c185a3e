import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CPT_CODES } from '../rules/cpt-codes';
import { type LineOutcome, UNIT_RULES, type UnitRule } from '../rules/billing-units';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class PerformedServiceDto {
  @ApiProperty({ enum: CPT_CODES, example: '97140', description: 'CPT or HCPCS code performed' })
  @IsIn(CPT_CODES)
  cpt!: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 480,
    example: 13,
    description: 'One-on-one minutes; required for a timed code, ignored for an untimed one',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(480)
  minutes?: number;
}

export class RecordVisitDto {
  @ApiProperty({
    type: [PerformedServiceDto],
    description: 'The interventions performed, in the order given',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PerformedServiceDto)
  services!: PerformedServiceDto[];

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The PT or PTA who delivered the services; the therapist booked by default',
  })
  @IsOptional()
  @IsUUID()
  deliveredBy?: string;

  @ApiProperty({
    maxLength: 2000,
    example: 'Lumbar mobilisation grade III; tolerated well; HEP reviewed.',
    description: 'A short note on the visit',
  })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;

  @ApiPropertyOptional({
    maxLength: 500,
    example: 'Minutes of 97140 corrected from the flowsheet',
    description: 'Why a recorded visit is changed; required once the visit has a record',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  amendmentReason?: string;
}

export class VisitLineDto {
  @ApiProperty({ example: '97140', description: 'The code as performed' })
  cpt!: string;

  @ApiProperty({
    example: '97140',
    description: 'The code billed (G0283 for 97014 under Medicare)',
  })
  billedCode!: string;

  @ApiProperty({ description: 'Billed in 15-minute units' })
  timed!: boolean;

  @ApiProperty({ type: 'integer', nullable: true, example: 13, description: 'One-on-one minutes' })
  minutes!: number | null;

  @ApiProperty({ type: 'integer', example: 1, description: 'Units by the payer’s unit rule' })
  units!: number;

  @ApiProperty({
    enum: ['billed', 'not_enough_minutes', 'medicare_bundled', 'once_per_encounter'],
    description: 'Why the line bills what it bills',
  })
  outcome!: LineOutcome;
}

export class DeliveredByDto {
  @ApiProperty({ description: 'The therapist who delivered the services', format: 'uuid' })
  userId!: string;

  @ApiProperty({ description: 'Their full name', example: 'Maria Lopez, PT' })
  fullName!: string;

  @ApiProperty({ description: 'Physical therapist or assistant', enum: ['PT', 'PTA'] })
  credential!: 'PT' | 'PTA';
}

export class VisitRecordDto {
  @ApiProperty({ description: 'The visit record', format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'The completed appointment', format: 'uuid' })
  appointmentId!: string;

  @ApiProperty({ description: 'The patient', format: 'uuid' })
  patientId!: string;

  @ApiProperty({
    description: 'The episode of care, if the visit is in one',
    format: 'uuid',
    nullable: true,
    type: 'string',
  })
  episodeId!: string | null;

  @ApiProperty({
    format: 'date',
    example: '2026-12-07',
    description: 'Date of service, clinic time',
  })
  serviceDate!: string;

  @ApiProperty({
    nullable: true,
    type: 'string',
    example: 'medicare',
    description: 'Payer at the time of service',
  })
  payer!: string | null;

  @ApiProperty({ enum: UNIT_RULES, description: 'The unit rule the payer uses' })
  unitRule!: UnitRule;

  @ApiProperty({ example: 'cms-100-04-ch5-20.2/2026-12', description: 'The rule version applied' })
  ruleVersion!: string;

  @ApiProperty({ type: DeliveredByDto })
  deliveredBy!: DeliveredByDto;

  @ApiProperty({ description: 'The short note on the visit' })
  note!: string;

  @ApiProperty({ description: 'The services as recorded, with units', type: [VisitLineDto] })
  lines!: VisitLineDto[];

  @ApiProperty({ type: 'integer', example: 49, description: 'One-on-one minutes of timed codes' })
  timedMinutes!: number;

  @ApiProperty({ type: 'integer', example: 3, description: 'Units billed in all' })
  totalUnits!: number;

  @ApiProperty({ type: 'integer', example: 1, description: '1 as recorded, +1 per amendment' })
  revision!: number;

  @ApiProperty({ description: 'When first recorded', format: 'date-time' })
  recordedAt!: string;

  @ApiProperty({
    description: 'When last amended, or null',
    format: 'date-time',
    nullable: true,
    type: 'string',
  })
  amendedAt!: string | null;
}
