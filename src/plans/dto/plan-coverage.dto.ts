import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export class PlanCoverageSettingDto {
  @ApiProperty({ format: 'uuid', readOnly: true, description: 'The clinic' })
  locationId!: string;

  @ApiProperty({
    enum: ['refuse', 'warn'],
    example: 'refuse',
    description:
      'A treatment visit outside the active plan’s dates, past its authorised visits or past Medicare’s certification: refused, or booked with a warning',
  })
  @IsIn(['refuse', 'warn'])
  enforcement!: 'refuse' | 'warn';
}
