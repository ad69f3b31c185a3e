import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../common/dto/calendar-date.decorator';
import { isValidNpi } from '../../direct-access/rules/identifiers';
import { PAYERS } from '../../patients/dto/patient.dto';
import { UNIT_RULES, type UnitRule } from '../rules/billing-units';
import { CPT_CODES } from '../rules/cpt-codes';

export { PAYERS };
export type Payer = (typeof PAYERS)[number];

export const PLACES_OF_SERVICE = ['11', '12', '22'] as const;
export type PlaceOfService = (typeof PLACES_OF_SERVICE)[number];

const IsNpi = (field: string) =>
  ValidateBy({
    name: 'isNpi',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isValidNpi(value),
      defaultMessage: () =>
        `${field} must be 10 digits whose last is the Luhn check digit (CMS NPI standard)`,
    },
  });

export class PayerSettingDto {
  @ApiProperty({
    enum: UNIT_RULES,
    description:
      'eight_minute: CMS 8-minute rule over the visit’s timed minutes; midpoint: each timed code by the CPT midpoint rule. Medicare is always eight_minute',
  })
  @IsIn(UNIT_RULES)
  unitRule!: UnitRule;
}

export class PayerSettingViewDto extends PayerSettingDto {
  @ApiProperty({ description: 'The payer', enum: PAYERS, example: 'commercial' })
  payer!: Payer;

  @ApiProperty({ description: 'No setting saved: the default (eight_minute) applies' })
  isDefault!: boolean;
}

export class LocationBillingDto {
  @ApiProperty({
    enum: PLACES_OF_SERVICE,
    example: '11',
    description:
      'CMS place-of-service code: 11 office, 12 home (in-home practice), 22 outpatient hospital',
  })
  @IsIn(PLACES_OF_SERVICE)
  placeOfService!: PlaceOfService;

  @ApiPropertyOptional({
    example: '1245319599',
    pattern: '^[0-9]{10}$',
    description: 'The billing provider’s (clinic’s) NPI, check digit verified',
  })
  @IsOptional()
  @IsNpi('billingNpi')
  billingNpi?: string;
}

export class LocationBillingViewDto extends LocationBillingDto {
  @ApiProperty({ description: 'The location', format: 'uuid' })
  locationId!: string;
}

export class ProviderNpiDto {
  @ApiProperty({
    example: '1679576722',
    pattern: '^[0-9]{10}$',
    description: 'The rendering therapist’s NPI, check digit verified',
  })
  @IsNpi('npi')
  npi!: string;
}

export class ProviderNpiViewDto extends ProviderNpiDto {
  @ApiProperty({ description: 'The therapist', format: 'uuid' })
  userId!: string;
}

export class FeeDto {
  @ApiProperty({ enum: CPT_CODES, example: '97110', description: 'Code billed' })
  @IsIn(CPT_CODES)
  code!: string;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 4500,
    description: 'Charge per unit, cents',
  })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  chargeCents!: number;
}

export class FeeScheduleDto {
  @ApiProperty({
    format: 'date',
    example: '2026-01-01',
    description: 'First day these charges apply',
  })
  @IsCalendarDate('effectiveFrom')
  effectiveFrom!: string;

  @ApiProperty({ type: [FeeDto], description: 'Charges per unit, one per code' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => FeeDto)
  fees!: FeeDto[];
}

export class FeeViewDto extends FeeDto {
  @ApiProperty({
    format: 'date',
    description: 'The version of the schedule this charge comes from',
  })
  effectiveFrom!: string;
}

export class FeeScheduleViewDto {
  @ApiProperty({ description: 'The location', format: 'uuid' })
  locationId!: string;

  @ApiProperty({ description: 'The payer', enum: PAYERS })
  payer!: Payer;

  @ApiProperty({ format: 'date', description: 'The date the charges are in effect on' })
  onDate!: string;

  @ApiProperty({ description: 'Charge per unit of each priced code', type: [FeeViewDto] })
  fees!: FeeViewDto[];
}
