import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type ClosedEpisodeFacts,
  type EpisodeListener,
  EpisodeListeners,
} from '../intake/episode-listener.port';
import { OutboxService } from './outbox.service';

/** Plans the discharge check-in email of a closed episode, in intake's transaction. */
@Injectable()
export class EpisodeEmailsListener implements EpisodeListener, OnModuleInit {
  constructor(
    private readonly listeners: EpisodeListeners,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.listeners.register(this);
  }

  episodeClosed(manager: EntityManager, episode: ClosedEpisodeFacts): Promise<void> {
    return this.outbox.dischargeCheckIn(manager, episode);
  }
}
