import { ApiProperty } from '@nestjs/swagger';
import { HEALTH_CHECK_SCHEMA } from '../../common/errors/problem-details';

/** The process answers. */
export class LivenessDto {
  @ApiProperty({ enum: ['ok'], example: 'ok', description: 'Always `ok`: the process answers' })
  status!: 'ok';
}

const CHECKS = {
  type: 'object',
  additionalProperties: HEALTH_CHECK_SCHEMA,
} as const;

/** Every dependency answered (a failed check is a 503 problem with `checks` instead). */
export class ReadinessDto {
  @ApiProperty({ enum: ['ok'], example: 'ok', description: 'Always `ok` on a 200' })
  status!: 'ok';

  @ApiProperty({
    ...CHECKS,
    example: { database: { status: 'up' }, queue: { status: 'up', backend: 'postgres' } },
    description: 'The dependencies that are up, by name',
  })
  info!: Record<string, { status: 'up' | 'down'; [detail: string]: unknown }>;

  @ApiProperty({
    ...CHECKS,
    example: {},
    description: 'The dependencies that are down, by name: none on a 200',
  })
  error!: Record<string, { status: 'up' | 'down'; [detail: string]: unknown }>;

  @ApiProperty({
    ...CHECKS,
    example: { database: { status: 'up' }, queue: { status: 'up', backend: 'postgres' } },
    description: 'Every dependency, by name: `database` (PostgreSQL) and `queue` (its backend)',
  })
  details!: Record<string, { status: 'up' | 'down'; [detail: string]: unknown }>;
}
