import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * The episode-listener port: modules that act when an episode of care closes (reminders plans
 * the discharge check-in email) register here, so intake calls them without importing them and
 * they may read intake's SQL (`episode-facts.sql`) without a loop between the two. Each call
 * runs in the caller's transaction, so what a listener writes commits with the change.
 */
export interface ClosedEpisodeFacts {
  id: string;
  patientId: string;
  /** The discharge date, a local date at the episode's location. */
  closedOn: string;
  /** The IANA zone of the episode's location. */
  timeZone: string;
}

export interface EpisodeListener {
  /** The episode was just closed (discharged), in the closing transaction. */
  episodeClosed(manager: EntityManager, episode: ClosedEpisodeFacts): Promise<void>;
}

@Injectable()
export class EpisodeListeners {
  private readonly listeners: EpisodeListener[] = [];

  register(listener: EpisodeListener): void {
    this.listeners.push(listener);
  }

  async episodeClosed(manager: EntityManager, episode: ClosedEpisodeFacts): Promise<void> {
    for (const listener of this.listeners) await listener.episodeClosed(manager, episode);
  }
}
