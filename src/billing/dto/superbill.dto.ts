import { ApiProperty } from '@nestjs/swagger';

export class BillingProviderDto {
  @ApiProperty({ format: 'uuid' })
  locationId!: string;

  @ApiProperty({ example: 'Scranton Spine & Sport PT' })
  name!: string;

  @ApiProperty({ type: [String], example: ['120 Wyoming Ave', 'Scranton, PA 18503'] })
  addressLines!: string[];

  @ApiProperty({ type: 'string', nullable: true, example: '5705550100' })
  phone!: string | null;

  @ApiProperty({
    type: 'string',
    nullable: true,
    example: '1245319599',
    description: 'Billing NPI',
  })
  npi!: string | null;
}

export class SuperbillPatientDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Dana' })
  firstName!: string;

  @ApiProperty({ example: 'Kowalski' })
  lastName!: string;

  @ApiProperty({ type: 'string', nullable: true, example: 'medicare', description: 'Payer billed' })
  payer!: string | null;
}

export class ReferringProviderDto {
  @ApiProperty({ example: 'Dr. Ana Reyes' })
  name!: string;

  @ApiProperty({ type: 'string', nullable: true, example: '1234567893' })
  npi!: string | null;

  @ApiProperty({ example: 'physician' })
  profession!: string;

  @ApiProperty({
    enum: ['plan_certification', 'referral'],
    description: 'The physician or NPP who certified the plan of care, else the referral on file',
  })
  source!: 'plan_certification' | 'referral';
}

export class DiagnosisDto {
  @ApiProperty({ type: 'integer', example: 1, description: 'Pointer the lines refer to' })
  pointer!: number;

  @ApiProperty({ example: 'M62.830', description: 'ICD-10-CM' })
  code!: string;

  @ApiProperty({ example: 'Muscle spasm of back' })
  description!: string;
}

export class RenderingProviderDto {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ example: 'Maria Lopez' })
  fullName!: string;

  @ApiProperty({ enum: ['PT', 'PTA'] })
  credential!: 'PT' | 'PTA';

  @ApiProperty({ type: 'string', nullable: true, example: '1679576722' })
  npi!: string | null;
}

export class SuperbillLineDto {
  @ApiProperty({ example: '97140', description: 'CPT or HCPCS code billed' })
  code!: string;

  @ApiProperty({ example: 'Manual therapy' })
  service!: string;

  @ApiProperty({ type: [String], example: ['GP', 'KX'], description: 'In claim order' })
  modifiers!: string[];

  @ApiProperty({ type: 'integer', example: 1 })
  units!: number;

  @ApiProperty({ type: 'integer', nullable: true, example: 13, description: 'One-on-one minutes' })
  minutes!: number | null;

  @ApiProperty({ type: [Number], example: [1, 2], description: 'Diagnosis pointers (up to 4)' })
  diagnosisPointers!: number[];

  @ApiProperty({ type: 'integer', example: 4500, description: 'Charge per unit, cents' })
  unitChargeCents!: number;

  @ApiProperty({ type: 'integer', example: 4500, description: 'units x unit charge, cents' })
  chargeCents!: number;
}

export class SuperbillVisitDto {
  @ApiProperty({ format: 'uuid' })
  appointmentId!: string;

  @ApiProperty({ format: 'date', example: '2026-12-07' })
  serviceDate!: string;

  @ApiProperty({ enum: ['11', '12', '22'], description: 'Place of service (CMS code)' })
  placeOfService!: string;

  @ApiProperty({ type: RenderingProviderDto })
  renderingProvider!: RenderingProviderDto;

  @ApiProperty({ type: [SuperbillLineDto], description: 'Lines billed (units > 0)' })
  lines!: SuperbillLineDto[];

  @ApiProperty({ type: 'integer', example: 13500 })
  totalCents!: number;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description:
      'Medicare: the beneficiary’s therapy charges at this clinic earlier in the calendar year (KX threshold count)',
  })
  medicareYearToDateCents!: number | null;
}

export class SuperbillDto {
  @ApiProperty({ enum: ['visit', 'episode'] })
  scope!: 'visit' | 'episode';

  @ApiProperty({ format: 'date-time' })
  generatedAt!: string;

  @ApiProperty({ type: BillingProviderDto })
  billingProvider!: BillingProviderDto;

  @ApiProperty({ type: SuperbillPatientDto })
  patient!: SuperbillPatientDto;

  @ApiProperty({ type: ReferringProviderDto, nullable: true })
  referringProvider!: ReferringProviderDto | null;

  @ApiProperty({ type: [DiagnosisDto] })
  diagnoses!: DiagnosisDto[];

  @ApiProperty({ type: [SuperbillVisitDto] })
  visits!: SuperbillVisitDto[];

  @ApiProperty({ type: 'integer', example: 3 })
  totalUnits!: number;

  @ApiProperty({ type: 'integer', example: 13500 })
  totalCents!: number;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 248000,
    description: 'Medicare: the KX threshold of the (last) visit’s year, cents',
  })
  kxThresholdCents!: number | null;

  @ApiProperty({ example: 'cms-100-04-ch5-20.2/2026-12; modifiers/2026-12; cpt/2026-12' })
  ruleVersions!: string;
}
