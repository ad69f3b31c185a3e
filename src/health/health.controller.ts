import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import type { Queue } from 'bullmq';
import { ApiProblems } from '../common/api-errors.decorator';
import { Public } from '../kernel/decorators';
import { AppConfig } from '../config/app-config';
import { QueueName } from '../kernel/queue-names';
import { LivenessDto, ReadinessDto } from './dto/health.dto';

const CHECK_TIMEOUT_MS = 3000;

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly config: AppConfig,
    @InjectQueue(QueueName.AuditExports) private readonly queue: Queue,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ type: LivenessDto, description: 'The process answers' })
  @ApiProblems(400)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({ summary: 'Readiness: PostgreSQL and the queue backend answer' })
  @ApiOkResponse({ type: ReadinessDto, description: 'Every dependency answered' })
  @ApiProblems(400, {
    status: 503,
    description: 'A dependency is down: `checks` says which',
  })
  ready() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: CHECK_TIMEOUT_MS }),
      () =>
        this.indicators
          .check('queue')
          .attempt(async () => {
            await this.queue.getJobCounts('waiting');
            return { backend: this.config.queue.backend };
          })
          .withTimeout(CHECK_TIMEOUT_MS),
    ]);
  }
}
