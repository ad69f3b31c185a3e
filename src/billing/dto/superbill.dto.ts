import { ApiProperty } from '@nestjs/swagger';

export class BillingProviderDto {
  @ApiProperty({ description: 'The clinic billed from', format: 'uuid' })
  locationId!: string;

  @ApiProperty({ description: 'Clinic name', example: 'Scranton Spine & Sport PT' })
  name!: string;

  @ApiProperty({
    description: 'Address lines to print',
    type: [String],
    example: ['120 Wyoming Ave', 'Scranton, PA 18503'],
  })
  addressLines!: string[];

  @ApiProperty({
    description: 'Clinic phone',
    type: 'string',
    nullable: true,
    example: '5705550100',
  })
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
  @ApiProperty({ description: 'The patient', format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'First name', example: 'Dana' })
  firstName!: string;

  @ApiProperty({ description: 'Last name', example: 'Kowalski' })
  lastName!: string;

  @ApiProperty({ type: 'string', nullable: true, example: 'medicare', description: 'Payer billed' })
  payer!: string | null;
}

export class ReferringProviderDto {
  @ApiProperty({ description: 'Referring (or certifying) provider', example: 'Dr. Ana Reyes' })
  name!: string;

  @ApiProperty({
    description: 'Their NPI, if on file',
    type: 'string',
    nullable: true,
    example: '1234567893',
  })
  npi!: string | null;

  @ApiProperty({ description: 'Their profession', example: 'physician' })
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
  @ApiProperty({ description: 'The therapist who delivered the services', format: 'uuid' })
  userId!: string;

  @ApiProperty({ description: 'Their full name', example: 'Maria Lopez' })
  fullName!: string;

  @ApiProperty({ description: 'Physical therapist or assistant', enum: ['PT', 'PTA'] })
  credential!: 'PT' | 'PTA';

  @ApiProperty({
    description: 'Rendering NPI, if on file',
    type: 'string',
    nullable: true,
    example: '1679576722',
  })
  npi!: string | null;
}

export class SuperbillLineDto {
  @ApiProperty({ example: '97140', description: 'CPT or HCPCS code billed' })
  code!: string;

  @ApiProperty({ description: 'What the code bills for', example: 'Manual therapy' })
  service!: string;

  @ApiProperty({ type: [String], example: ['GP', 'KX'], description: 'In claim order' })
  modifiers!: string[];

  @ApiProperty({ description: 'Units billed', type: 'integer', example: 1 })
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
  @ApiProperty({ description: 'The visit', format: 'uuid' })
  appointmentId!: string;

  @ApiProperty({
    description: 'Date of service, clinic time',
    format: 'date',
    example: '2026-12-07',
  })
  serviceDate!: string;

  @ApiProperty({ enum: ['11', '12', '22'], description: 'Place of service (CMS code)' })
  placeOfService!: string;

  @ApiProperty({ type: RenderingProviderDto })
  renderingProvider!: RenderingProviderDto;

  @ApiProperty({ type: [SuperbillLineDto], description: 'Lines billed (units > 0)' })
  lines!: SuperbillLineDto[];

  @ApiProperty({ description: 'The visit’s charges, cents', type: 'integer', example: 13500 })
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
  @ApiProperty({ description: 'One visit or a whole episode', enum: ['visit', 'episode'] })
  scope!: 'visit' | 'episode';

  @ApiProperty({ description: 'When this superbill was made', format: 'date-time' })
  generatedAt!: string;

  @ApiProperty({ type: BillingProviderDto })
  billingProvider!: BillingProviderDto;

  @ApiProperty({ type: SuperbillPatientDto })
  patient!: SuperbillPatientDto;

  @ApiProperty({
    description: 'The referring provider, or null when none is on file',
    type: ReferringProviderDto,
    nullable: true,
  })
  referringProvider!: ReferringProviderDto | null;

  @ApiProperty({ description: 'ICD-10-CM diagnoses with their pointers', type: [DiagnosisDto] })
  diagnoses!: DiagnosisDto[];

  @ApiProperty({ description: 'The visits billed, in order', type: [SuperbillVisitDto] })
  visits!: SuperbillVisitDto[];

  @ApiProperty({ description: 'Units billed in all', type: 'integer', example: 3 })
  totalUnits!: number;

  @ApiProperty({ description: 'Charges in all, cents', type: 'integer', example: 13500 })
  totalCents!: number;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 248000,
    description: 'Medicare: the KX threshold of the (last) visit’s year, cents',
  })
  kxThresholdCents!: number | null;

  @ApiProperty({
    description: 'Versions of the unit, modifier and code rules applied',
    example: 'cms-100-04-ch5-20.2/2026-12; modifiers/2026-12; cpt/2026-12',
  })
  ruleVersions!: string;
}
