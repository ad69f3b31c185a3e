import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TableRows } from '../database/insert-together';

/**
 * The appointment-listener port: modules that act on appointments (reminders writes the
 * patient's emails) register here, so scheduling calls them without importing them. Each call
 * runs in the caller's transaction, so what a listener writes commits with the change.
 */
/** Where and when a visit is held: the clinic, the therapist and the start. */
export interface AppointmentPlace {
  locationId: string;
  therapistId: string;
  startsAt: Date;
}

export interface NewAppointmentFacts extends AppointmentPlace {
  id: string;
  patientId: string;
  timeZone: string;
  type: {
    reminderHoursBefore: number | null;
    secondReminderHoursBefore: number | null;
    followUpDays: number | null;
  };
  location: { reminderHoursBefore: number; secondReminderHoursBefore: number | null };
  /** False for a later visit of a series: the first one's confirmation lists them all. */
  confirm: boolean;
}

export interface WaitlistOfferFacts {
  id: string;
  patientId: string;
  offeredStartsAt: Date;
}

export interface AppointmentListener {
  /** Rows to write in the booking's one statement (`insertTogether`). */
  rowsForNewAppointment(appointment: NewAppointmentFacts): TableRows[];
  /**
   * After any change to an existing appointment (status, time, therapist); `before` is where and
   * when it was held before the change (the row now holds the new ones).
   */
  appointmentChanged(
    manager: EntityManager,
    appointmentId: string,
    before: AppointmentPlace,
  ): Promise<void>;
  /** A freed slot was offered to a waiting patient. */
  waitlistOffered(manager: EntityManager, entry: WaitlistOfferFacts): Promise<void>;
}

@Injectable()
export class AppointmentListeners {
  private readonly listeners: AppointmentListener[] = [];

  register(listener: AppointmentListener): void {
    this.listeners.push(listener);
  }

  rowsForNewAppointment(appointment: NewAppointmentFacts): TableRows[] {
    return this.listeners.flatMap((listener) => listener.rowsForNewAppointment(appointment));
  }

  async appointmentChanged(
    manager: EntityManager,
    appointmentId: string,
    before: AppointmentPlace,
  ): Promise<void> {
    for (const listener of this.listeners)
      await listener.appointmentChanged(manager, appointmentId, before);
  }

  async waitlistOffered(manager: EntityManager, entry: WaitlistOfferFacts): Promise<void> {
    for (const listener of this.listeners) await listener.waitlistOffered(manager, entry);
  }
}
