import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { ConnectionOptions } from 'bullmq';
import type { AppConfig } from '../config/app-config';
import { configureQueueBackend } from './queue-connection';
import { QueueErrorLog } from './queue-error-log';

/** What a hand-built BullMQ Worker needs to reach the same queues as the injected ones. */
export class QueueConnection {
  constructor(
    readonly connection: ConnectionOptions,
    readonly prefix: string,
  ) {}
}

/** The shared BullMQ configuration: backend, connection, key prefix and default retry policy. */
@Module({})
export class QueueModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    const connection = configureQueueBackend(config.queue, databaseUrl);
    return {
      module: QueueModule,
      global: true,
      imports: [
        DiscoveryModule,
        BullModule.forRoot({
          connection,
          prefix: config.queue.prefix,
          defaultJobOptions: {
            attempts: 5,
            backoff: { type: 'exponential', delay: 2000, jitter: 0.5 },
            removeOnComplete: { age: 24 * 3600, count: 10_000 },
            removeOnFail: { age: 14 * 24 * 3600 },
          },
        }),
      ],
      providers: [
        QueueErrorLog,
        {
          provide: QueueConnection,
          useValue: new QueueConnection(connection, config.queue.prefix),
        },
      ],
      exports: [QueueConnection],
    };
  }
}
