import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * The home-programme port: the module that emails patients (reminders) registers here at
 * start-up, so plans asks for the home exercise programme to be sent without importing it, and
 * that module may read plans' SQL (`home-programme-facts.sql`) without a loop between the two.
 * The call runs in the caller's transaction, so the email is planned exactly when the request
 * that asks for it commits.
 */
export interface HomeProgrammeRequest {
  planId: string;
  /** The revision in force, whose programme the email carries (its id, and its number). */
  planRevisionId: string;
  revision: number;
  patientId: string;
  episodeId: string;
  /** The IANA zone of the episode's clinic: the email waits for the morning in quiet hours. */
  timeZone: string;
}

/** The email planned for the request: new, or the one an earlier request for it planned. */
export interface PlannedHomeProgramme {
  notificationId: string;
  status: string;
  sendAt: Date;
  /** False when this revision's programme had been asked for already (nothing new planned). */
  planned: boolean;
}

export interface HomeProgrammeSender {
  send(manager: EntityManager, request: HomeProgrammeRequest): Promise<PlannedHomeProgramme>;
}

@Injectable()
export class HomeProgrammeSenders {
  private sender: HomeProgrammeSender | null = null;

  register(sender: HomeProgrammeSender): void {
    if (this.sender) throw new Error('a home programme sender is registered already');
    this.sender = sender;
  }

  send(manager: EntityManager, request: HomeProgrammeRequest): Promise<PlannedHomeProgramme> {
    if (!this.sender) throw new Error('no home programme sender is registered (reminders)');
    return this.sender.send(manager, request);
  }
}
