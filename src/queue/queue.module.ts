import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { configureQueueBackend } from './queue-connection';

/** The shared BullMQ configuration: backend, connection, key prefix and default retry policy. */
@Module({})
export class QueueModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        BullModule.forRoot({
          connection: configureQueueBackend(config.queue, databaseUrl),
          prefix: config.queue.prefix,
          defaultJobOptions: {
            attempts: 5,
            backoff: { type: 'exponential', delay: 2000, jitter: 0.5 },
            removeOnComplete: { age: 24 * 3600, count: 10_000 },
            removeOnFail: { age: 14 * 24 * 3600 },
          },
        }),
      ],
    };
  }
}
