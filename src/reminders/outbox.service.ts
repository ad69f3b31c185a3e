import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LOCATION_FACTS, locationFactsSql } from '../locations/location-facts.sql';
import {
  APPOINTMENT_FACTS,
  APPOINTMENT_TYPE_REMINDERS,
  appointmentFactsSql,
  appointmentTypeRemindersSql,
} from '../scheduling/appointment-facts.sql';
import type { HomeProgrammeRequest, PlannedHomeProgramme } from '../plans/home-programme.port';
import {
  appointmentKeysToKeep,
  planAppointmentNotifications,
  planDischargeCheckIn,
  planHomeExerciseProgramme,
  planWaitlistOffer,
  reminderLeads,
  type AppointmentFacts,
  type ReminderSettings,
  type PlannedNotification,
} from './rules/notification-plan';

/**
 * An appointment with what planning its emails needs, in one statement over scheduling's and
 * locations' SQL: its state, revision (its moves), the type's and the location's reminder leads,
 * the type's follow-up days and the location's zone. No appointment, no row.
 */
const SYNC_QUERY = `
  SELECT a.id, a."patientId", a."seriesId", a.status, a."startsAt", a."lateCancellation", l."timeZone",
         json_build_object('reminderHoursBefore', t."reminderHoursBefore",
           'secondReminderHoursBefore', t."secondReminderHoursBefore") AS type,
         json_build_object('reminderHoursBefore', l."reminderHoursBefore",
           'secondReminderHoursBefore', l."secondReminderHoursBefore") AS location,
         t."followUpDays", a.moves AS revision
    FROM json_to_record(${appointmentFactsSql('$1')}) AS a (${APPOINTMENT_FACTS.columns})
    JOIN LATERAL json_to_record(${locationFactsSql('a."locationId"')})
      AS l (${LOCATION_FACTS.columns}) ON l.id IS NOT NULL
    JOIN LATERAL json_to_record(${appointmentTypeRemindersSql('a."typeId"')})
      AS t (${APPOINTMENT_TYPE_REMINDERS.columns}) ON t.id IS NOT NULL
   WHERE a.id IS NOT NULL`;

interface Subject {
  patientId: string;
  appointmentId?: string;
  waitlistEntryId?: string;
  episodeId?: string;
  planRevisionId?: string;
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
        seriesId: string | null;
        type: ReminderSettings;
        location: ReminderSettings;
      })[]
    >(SYNC_QUERY, [appointmentId]);
    const facts = { ...row, reminderHoursBefore: reminderLeads(row.type, row.location) };
    const now = new Date();
    // A series was confirmed once, with its first visit; a later visit never moved has no
    // confirmation of its own (see rowsForNewAppointment), and confirming it must not add one.
    const planned = planAppointmentNotifications(facts, now).filter(
      (item) => !(row.seriesId && row.revision === 0 && item.kind === 'appointment_confirmation'),
    );
    await this.write(manager, { patientId: row.patientId, appointmentId }, planned);
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

  /**
   * The home exercise programme of a plan revision: planned once, so a second request for the
   * same revision finds the email the first one planned (whatever became of it) and plans none.
   */
  async homeExerciseProgramme(
    manager: EntityManager,
    request: HomeProgrammeRequest,
  ): Promise<PlannedHomeProgramme> {
    const planned = planHomeExerciseProgramme(
      request.planId,
      request.revision,
      request.timeZone,
      new Date(),
    );
    const written = await this.write(
      manager,
      {
        patientId: request.patientId,
        episodeId: request.episodeId,
        planRevisionId: request.planRevisionId,
      },
      [planned],
    );
    const [email] = await manager.query<{ id: string; status: string; send_at: Date }[]>(
      `SELECT id, status, send_at FROM notifications WHERE dedupe_key = $1`,
      [planned.dedupeKey],
    );
    return {
      notificationId: email.id,
      status: email.status,
      sendAt: email.send_at,
      planned: written.length === 1,
    };
  }

  /**
   * One statement for all of a change's emails; an email planned before is left as it is.
   * Returns the keys of those it wrote.
   */
  private async write(
    manager: EntityManager,
    subject: Subject,
    planned: PlannedNotification[],
  ): Promise<string[]> {
    if (planned.length === 0) return [];
    const written = await manager.query<{ dedupe_key: string }[]>(
      `INSERT INTO notifications
              (kind, dedupe_key, send_at, patient_id, appointment_id, waitlist_entry_id, episode_id,
               plan_revision_id)
       SELECT kind, dedupe_key, send_at, $4, $5, $6, $7, $8
         FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS planned (kind, dedupe_key, send_at)
           ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING dedupe_key`,
      [
        planned.map((item) => item.kind),
        planned.map((item) => item.dedupeKey),
        planned.map((item) => item.sendAt.toISOString()),
        subject.patientId,
        subject.appointmentId ?? null,
        subject.waitlistEntryId ?? null,
        subject.episodeId ?? null,
        subject.planRevisionId ?? null,
      ],
    );
    return written.map((row) => row.dedupe_key);
  }
}
