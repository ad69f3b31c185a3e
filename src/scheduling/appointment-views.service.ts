import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../kernel/actor';
import { scopeToLocations } from '../kernel/location-scope';
import { LocationsService } from '../locations/locations.service';
import { PatientsService } from '../patients/patients.service';
import { visibleAppointment } from './appointment-lookup';
import { type LabelledAppointment, withLabels } from './appointment-labels';
import { Appointment, AppointmentEvent } from './entities/appointment.entity';

const HOUR = 3_600_000;

/** Reads of appointments: one, its history, a patient's list, a day or week schedule. */
@Injectable()
export class AppointmentViewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly patients: PatientsService,
    private readonly locations: LocationsService,
    private readonly audit: AuditService,
  ) {}

  async get(actor: Actor, id: string): Promise<LabelledAppointment> {
    await visibleAppointment(this.dataSource.manager, actor, id);
    await this.audit.record({ actor, action: 'read', entityType: 'appointment', entityId: id });
    return (await this.present(actor, [id]))[0];
  }

  /**
   * Appointments just written or read, with their names and zones, in one query: what every
   * response that carries an appointment shows. The caller has already checked visibility.
   */
  async present(actor: Actor, ids: readonly string[]): Promise<LabelledAppointment[]> {
    if (ids.length === 0) return [];
    const query = this.dataSource
      .getRepository(Appointment)
      .createQueryBuilder('appointment')
      .where('appointment.id = ANY(:ids)', { ids: [...ids] });
    const byId = new Map(
      (await withLabels(query, actor)).map((row) => [row.appointment.id, row] as const),
    );
    return ids.map((id) => byId.get(id)!);
  }

  async history(actor: Actor, id: string): Promise<AppointmentEvent[]> {
    await visibleAppointment(this.dataSource.manager, actor, id);
    return this.dataSource
      .getRepository(AppointmentEvent)
      .find({ where: { appointmentId: id }, order: { id: 'ASC' } });
  }

  async forPatient(actor: Actor, patientId: string): Promise<LabelledAppointment[]> {
    await this.patients.assertVisible(actor, patientId);
    const query = this.dataSource
      .getRepository(Appointment)
      .createQueryBuilder('appointment')
      .where('appointment.patient_id = :patientId', { patientId })
      .orderBy('appointment.starts_at', 'DESC');
    const appointments = await withLabels(
      scopeToLocations(query, actor, 'appointment.location_id'),
      actor,
    );
    await this.audit.record({
      actor,
      action: 'read',
      entityType: 'patient_appointments',
      entityId: patientId,
    });
    return appointments;
  }

  /**
   * The day or week schedule of a location or a therapist, in the locations the actor sees.
   * Days are the location's local days: for a therapist who works at clinics in several zones,
   * each visit counts on its own clinic's local date.
   */
  async schedule(
    actor: Actor,
    filter: { locationId?: string; therapistId?: string; date: string; days: number },
  ): Promise<LabelledAppointment[]> {
    if (filter.locationId) await this.locations.visibleZone(actor, filter.locationId);
    const firstDay = DateTime.fromISO(filter.date, { zone: 'UTC' });
    const lastDay = firstDay.plus({ days: filter.days });
    // Local days lie within 14 hours of UTC's (Kiritimati, UTC+14; Baker Island, UTC-12).
    const from = new Date(firstDay.toMillis() - 14 * HOUR);
    const to = new Date(lastDay.toMillis() + 12 * HOUR);
    const query = this.dataSource
      .getRepository(Appointment)
      .createQueryBuilder('appointment')
      .where('appointment.starts_at >= :from AND appointment.starts_at < :to', { from, to })
      .orderBy('appointment.starts_at')
      .addOrderBy('appointment.id');
    if (filter.locationId) query.andWhere('appointment.location_id = :locationId', filter);
    if (filter.therapistId) query.andWhere('appointment.therapist_id = :therapistId', filter);
    const appointments = await withLabels(
      scopeToLocations(query, actor, 'appointment.location_id'),
      actor,
    );
    const first = firstDay.toISODate()!;
    const last = lastDay.toISODate()!;
    return appointments.filter(({ appointment, labels }) => {
      const date = DateTime.fromJSDate(appointment.startsAt, {
        zone: labels.timeZone,
      }).toISODate()!;
      return first <= date && date < last;
    });
  }
}
