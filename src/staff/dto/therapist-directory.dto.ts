import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../../common/pagination/page';
import type { Credential } from '../rules/eligibility';

class TherapistDirectoryFilter {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only therapists of this clinic' })
  @IsOptional()
  @IsUUID()
  locationId?: string;

  @ApiPropertyOptional({
    description: 'Only active (true) or only disabled (false) accounts; both if absent',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}

export class TherapistDirectoryQuery extends IntersectionType(
  PageQuery,
  TherapistDirectoryFilter,
) {}

export class ClinicNameDto {
  @ApiProperty({ format: 'uuid', description: 'The clinic' })
  id!: string;

  @ApiProperty({ example: 'Scranton Downtown', description: 'Its name' })
  name!: string;
}

/** A therapist as the front desk needs to know them: who, qualified how, where. */
export class TherapistDirectoryEntryDto {
  @ApiProperty({ format: 'uuid', description: 'The therapist (their user id)' })
  id!: string;

  @ApiProperty({ example: 'Dana Whitfield', description: 'Full name' })
  name!: string;

  @ApiProperty({ description: 'Whether the account may sign in and be booked' })
  active!: boolean;

  @ApiProperty({
    enum: ['PT', 'PTA'],
    nullable: true,
    description: 'PT or PTA; null until an admin records the profile',
  })
  credential!: Credential | null;

  @ApiProperty({
    type: [String],
    example: ['PA', 'NJ'],
    description: 'States (or countries) of licence or compact privilege',
  })
  licenceStates!: string[];

  @ApiProperty({ description: 'Holds a direct-access certificate' })
  directAccessCertified!: boolean;

  @ApiProperty({
    type: [ClinicNameDto],
    description: 'The clinics they work at that the caller sees, by name',
  })
  locations!: ClinicNameDto[];
}
