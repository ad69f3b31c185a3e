import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TableRows } from '../database/insert-together';
import {
  type AppointmentListener,
  AppointmentListeners,
  type NewAppointmentFacts,
  type WaitlistOfferFacts,
} from '../scheduling/appointment-listener.port';
import { OutboxService } from './outbox.service';

/** Keeps the patient's emails in step with their appointments, in scheduling's transactions. */
@Injectable()
export class AppointmentEmailsListener implements AppointmentListener, OnModuleInit {
  constructor(
    private readonly listeners: AppointmentListeners,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.listeners.register(this);
  }

  rowsForNewAppointment(appointment: NewAppointmentFacts): TableRows[] {
    return [
      {
        table: 'notifications',
        rows: this.outbox.rowsForNewAppointment({
          ...appointment,
          followUpDays: appointment.type.followUpDays,
        }),
      },
    ];
  }

  appointmentChanged(manager: EntityManager, appointmentId: string): Promise<void> {
    return this.outbox.syncAppointment(manager, appointmentId);
  }

  waitlistOffered(manager: EntityManager, entry: WaitlistOfferFacts): Promise<void> {
    return this.outbox.waitlistOffer(manager, entry);
  }
}
