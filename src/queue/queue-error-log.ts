import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Queue } from 'bullmq';

/**
 * Logs the errors of every queue instance (each module that registers a queue gets its own) on
 * a lost Redis or PostgreSQL connection, which the queue retries by itself. BullMQ prints an
 * 'error' event that nobody listens to to the console with its stack trace; here it is one log
 * line instead.
 */
@Injectable()
export class QueueErrorLog implements OnApplicationBootstrap {
  private readonly logger = new Logger('Queues');

  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    const queues = new Set<Queue>();
    for (const { instance } of this.discovery.getProviders()) {
      if (instance instanceof Queue) queues.add(instance as Queue);
    }
    for (const queue of queues) {
      queue.on('error', (error) => this.logger.error(`queue ${queue.name}: ${error.message}`));
    }
  }
}
