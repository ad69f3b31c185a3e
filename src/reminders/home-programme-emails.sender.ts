import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type HomeProgrammeRequest,
  type HomeProgrammeSender,
  HomeProgrammeSenders,
  type PlannedHomeProgramme,
} from '../plans/home-programme.port';
import { OutboxService } from './outbox.service';

/** Plans the email carrying a plan's home exercise programme, in plans' transaction. */
@Injectable()
export class HomeProgrammeEmailsSender implements HomeProgrammeSender, OnModuleInit {
  constructor(
    private readonly senders: HomeProgrammeSenders,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.senders.register(this);
  }

  send(manager: EntityManager, request: HomeProgrammeRequest): Promise<PlannedHomeProgramme> {
    return this.outbox.homeExerciseProgramme(manager, request);
  }
}
