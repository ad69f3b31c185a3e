import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';

export class TimeOffQuery {
  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-12-01T00:00:00Z',
    description: 'Only time off ending after this instant; all of it if absent',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 instant' })
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: 'from must carry Z or an offset' })
  from?: string;
}

export class RemoveHoursQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only the hours at this location; at every location if absent',
  })
  @IsOptional()
  @IsUUID()
  locationId?: string;
}
