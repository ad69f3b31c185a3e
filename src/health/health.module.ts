import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ProblemsController } from '../common/problems.controller';
import { QueueName } from '../kernel/queue-names';
import { HealthController } from './health.controller';

/** What the service says about itself without a login: its health, and what its error codes mean. */
@Module({
  imports: [
    TerminusModule.forRoot({ logger: false }),
    BullModule.registerQueue({ name: QueueName.AuditExports }),
  ],
  controllers: [HealthController, ProblemsController],
})
export class HealthModule {}
