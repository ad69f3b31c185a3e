import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  appointmentKeysToKeep,
  planAppointmentNotifications,
  planDischargeCheckIn,
  planWaitlistOffer,
  reminderLeads,
  type AppointmentFacts,
  type ReminderSettings,
  type PlannedNotification,
} from './rules/notification-plan';

interface Subject {
  patientId: string;
  appointmentId?: string;
  waitlistEntryId?: string;
  episodeId?: string;
}

/**
 * Writes emails into the outbox inside the caller's transaction, so an email exists exactly when
 * the change that causes it commits. Nothing here talks to the queue: the relay does that.
 */
@Injectable()
export class OutboxService {
  /** Brings an appointment's emails in line with its current state (after any change to it). */
  async syncAppointment(manager: EntityManager, appointmentId: string): Promise<void> {
    const [row] = await manager.query<
      (Omit<AppointmentFacts, 'reminderHoursBefore'> & {
        patientId: string;
        type: ReminderSettings;
        location: ReminderSettings;
      })[]
    >(
      `SELECT a.id, a.patient_id AS "patientId", a.status, a.starts_at AS "startsAt",
              coalesce(a.late_cancellation, false) AS "lateCancellation", l.time_zone AS "timeZone",
              json_build_object('reminderHoursBefore', t.reminder_hours_before,
                'secondReminderHoursBefore', t.second_reminder_hours_before) AS type,
              json_build_object('reminderHoursBefore', l.reminder_hours_before,
                'secondReminderHoursBefore', l.second_reminder_hours_before) AS location,
              t.follow_up_days AS "followUpDays",
              (SELECT count(*)::int FROM appointment_events e
                WHERE e.appointment_id = a.id AND e.action = 'reschedule') AS revision
         FROM appointments a
         JOIN locations l ON l.id = a.location_id
         JOIN appointment_types t ON t.id = a.appointment_type_id
        WHERE a.id = $1`,
      [appointmentId],
    );
    const facts = { ...row, reminderHoursBefore: reminderLeads(row.type, row.location) };
    const now = new Date();
    await this.write(
      manager,
      { patientId: row.patientId, appointmentId },
      planAppointmentNotifications(facts, now),
    );
    await manager.query(
      `UPDATE notifications
          SET status = 'cancelled', version = version + 1, updated_at = now()
        WHERE appointment_id = $1 AND status = 'pending' AND dedupe_key <> ALL($2::text[])`,
      [appointmentId, appointmentKeysToKeep(facts, now)],
    );
  }

  /**
   * The outbox rows of an appointment just booked, for the caller to write together with it in
   * one statement (`insertTogether`): nothing can be in the outbox for it yet. A later visit of
   * a series gets no confirmation of its own: the first visit's lists them all.
   */
  rowsForNewAppointment(
    appointment: Omit<
      AppointmentFacts,
      'status' | 'lateCancellation' | 'revision' | 'reminderHoursBefore'
    > & {
      patientId: string;
      type: ReminderSettings;
      location: ReminderSettings;
      confirm: boolean;
    },
  ): Record<string, unknown>[] {
    const planned = planAppointmentNotifications(
      {
        ...appointment,
        status: 'booked',
        lateCancellation: false,
        revision: 0,
        reminderHoursBefore: reminderLeads(appointment.type, appointment.location),
      },
      new Date(),
    ).filter((item) => appointment.confirm || item.kind !== 'appointment_confirmation');
    return planned.map((item) => ({
      kind: item.kind,
      dedupe_key: item.dedupeKey,
      send_at: item.sendAt,
      patient_id: appointment.patientId,
      appointment_id: appointment.id,
    }));
  }

  async waitlistOffer(
    manager: EntityManager,
    entry: { id: string; patientId: string; offeredStartsAt: Date },
  ): Promise<void> {
    await this.write(manager, { patientId: entry.patientId, waitlistEntryId: entry.id }, [
      planWaitlistOffer(entry.id, entry.offeredStartsAt, new Date()),
    ]);
  }

  async dischargeCheckIn(
    manager: EntityManager,
    episode: { id: string; patientId: string; closedOn: string; timeZone: string },
  ): Promise<void> {
    await this.write(manager, { patientId: episode.patientId, episodeId: episode.id }, [
      planDischargeCheckIn(episode.id, episode.closedOn, episode.timeZone),
    ]);
  }

  /** One statement for all of a change's emails; an email planned before is left as it is. */
  private async write(
    manager: EntityManager,
    subject: Subject,
    planned: PlannedNotification[],
  ): Promise<void> {
    if (planned.length === 0) return;
    await manager.query(
      `INSERT INTO notifications
              (kind, dedupe_key, send_at, patient_id, appointment_id, waitlist_entry_id, episode_id)
       SELECT kind, dedupe_key, send_at, $4, $5, $6, $7
         FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS planned (kind, dedupe_key, send_at)
           ON CONFLICT (dedupe_key) DO NOTHING`,
      [
        planned.map((item) => item.kind),
        planned.map((item) => item.dedupeKey),
        planned.map((item) => item.sendAt.toISOString()),
        subject.patientId,
        subject.appointmentId ?? null,
        subject.waitlistEntryId ?? null,
        subject.episodeId ?? null,
      ],
    );
  }
}
