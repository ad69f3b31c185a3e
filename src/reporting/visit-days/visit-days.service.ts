import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { TableRows } from '../../database/insert-together';
import {
  type AppointmentListener,
  AppointmentListeners,
  type AppointmentPlace,
  type NewAppointmentFacts,
} from '../../scheduling/appointment-listener.port';
import { ANY_STALE_DAY_SQL, FOLD_STALE_DAYS_SQL } from './visit-days.sql';

/** One fold at a time: a second waits and then sees what the first wrote. */
const FOLD_LOCK = `hashtext('pt-practice:report-visit-days')`;

/**
 * Keeps the visit-day roll-up (see visit-days.sql.ts) in step with scheduling: each booking and
 * each change marks its days stale in scheduling's own transaction (one plain row, written in
 * the booking's single statement), and `foldStaleDays` recounts them before a report reads.
 */
@Injectable()
export class VisitDaysService implements AppointmentListener, OnModuleInit {
  constructor(
    private readonly listeners: AppointmentListeners,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.listeners.register(this);
  }

  rowsForNewAppointment(appointment: NewAppointmentFacts): TableRows[] {
    return [{ table: 'report_visit_day_changes', rows: [changeRow(appointment.id, appointment)] }];
  }

  async appointmentChanged(
    manager: EntityManager,
    appointmentId: string,
    before: AppointmentPlace,
  ): Promise<void> {
    const row = changeRow(appointmentId, before);
    await manager.query(
      `INSERT INTO report_visit_day_changes (appointment_id, location_id, therapist_id, starts_at)
       VALUES ($1, $2, $3, $4)`,
      [row.appointment_id, row.location_id, row.therapist_id, row.starts_at],
    );
  }

  /** A waiting-list offer changes no visit. */
  waitlistOffered(): Promise<void> {
    return Promise.resolve();
  }

  /** Recounts the days made stale since the last fold, committed before the report reads. */
  async foldStaleDays(): Promise<void> {
    const [{ stale }] = await this.dataSource.query<{ stale: boolean }[]>(ANY_STALE_DAY_SQL);
    if (!stale) return;
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(${FOLD_LOCK})`);
      await manager.query('SET LOCAL jit = off');
      await manager.query(FOLD_STALE_DAYS_SQL);
    });
  }
}

/** The row that marks a visit's day stale: the visit, and where and when it was held. */
function changeRow(appointmentId: string, place: AppointmentPlace) {
  return {
    appointment_id: appointmentId,
    location_id: place.locationId,
    therapist_id: place.therapistId,
    starts_at: place.startsAt,
  };
}
