import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { domainError } from '../common/errors/error-catalogue';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../kernel/actor';
import { scopeToLocations } from '../kernel/location-scope';
import { localDateSql } from '../locations/location-facts.sql';
import { LocationsService } from '../locations/locations.service';
import { PatientsService } from '../patients/patients.service';
import { visibleAppointment } from './appointment-lookup';
import { type LabelledAppointment, withLabels } from './appointment-labels';
import type { AppointmentSearchQuery } from './dto/appointment-search.dto';
import { Appointment, AppointmentEvent } from './entities/appointment.entity';
import { SchedulingErrors } from './scheduling.errors';

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
    const appointment = await visibleAppointment(this.dataSource.manager, actor, id);
    const events = await this.dataSource
      .getRepository(AppointmentEvent)
      .find({ where: { appointmentId: id }, order: { id: 'ASC' } });
    await this.audit.record({
      actor,
      action: 'read',
      entityType: 'appointment_history',
      entityId: id,
      details: { patientIds: [appointment.patientId] },
    });
    return events;
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
   * Appointments across the caller's clinics by location, therapist, patient, type, status and
   * local dates (each visit on its own clinic's calendar), paged. Each appointment on the page
   * is an audited read, as on a patient's list.
   */
  async search(
    actor: Actor,
    filter: AppointmentSearchQuery,
  ): Promise<{ items: LabelledAppointment[]; total: number }> {
    if (filter.from && filter.to && filter.to < filter.from) {
      throw domainError(SchedulingErrors.searchBadRange, 'to is before from', [
        { field: 'to', reason: 'must be on or after from' },
      ]);
    }
    if (filter.patientId) await this.patients.assertVisible(actor, filter.patientId);
    const query = this.dataSource.getRepository(Appointment).createQueryBuilder('appointment');
    scopeToLocations(query, actor, 'appointment.location_id');
    if (filter.locationId?.length) {
      query.andWhere('appointment.location_id = ANY(:locationIds)', {
        locationIds: filter.locationId,
      });
    }
    for (const [key, column] of [
      ['therapistId', 'therapist_id'],
      ['patientId', 'patient_id'],
      ['appointmentTypeId', 'appointment_type_id'],
    ] as const) {
      if (filter[key]) query.andWhere(`appointment.${column} = :${key}`, { [key]: filter[key] });
    }
    if (filter.status?.length) {
      query.andWhere('appointment.status = ANY(:statuses)', { statuses: filter.status });
    }
    const localDate = localDateSql('appointment.location_id', 'appointment.starts_at');
    // The instant bounds let the start index narrow the rows before each one's local date is
    // worked out; local days lie within 14 hours of UTC's.
    if (filter.from) {
      const from = DateTime.fromISO(filter.from, { zone: 'UTC' }).minus({ hours: 14 });
      query.andWhere(`appointment.starts_at >= :fromInstant AND ${localDate} >= :from`, {
        fromInstant: from.toJSDate(),
        from: filter.from,
      });
    }
    if (filter.to) {
      const to = DateTime.fromISO(filter.to, { zone: 'UTC' }).plus({ days: 1, hours: 12 });
      query.andWhere(`appointment.starts_at < :toInstant AND ${localDate} <= :to`, {
        toInstant: to.toJSDate(),
        to: filter.to,
      });
    }
    const total = await query.getCount();
    const direction = filter.sort === '-startsAt' ? 'DESC' : 'ASC';
    const items = await withLabels(
      query
        .orderBy('appointment.starts_at', direction)
        .addOrderBy('appointment.id', direction)
        .limit(filter.limit)
        .offset(filter.offset),
      actor,
    );
    await this.audit.recordMany(
      items.map(({ appointment }) => ({
        actor,
        action: 'read' as const,
        entityType: 'appointment',
        entityId: appointment.id,
        details: { via: 'search' },
      })),
    );
    return { items, total };
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
    const shown = appointments.filter(({ appointment, labels }) => {
      const date = DateTime.fromJSDate(appointment.startsAt, {
        zone: labels.timeZone,
      }).toISODate()!;
      return first <= date && date < last;
    });
    // A schedule shows patients: whose, is on the trail (HIPAA 164.312(b)).
    await this.audit.record({
      actor,
      action: 'read',
      entityType: 'schedule',
      entityId: filter.locationId ?? filter.therapistId ?? null,
      details: {
        locationId: filter.locationId ?? null,
        therapistId: filter.therapistId ?? null,
        from: first,
        days: filter.days,
        patientIds: [...new Set(shown.map(({ appointment }) => appointment.patientId))],
      },
    });
    return shown;
  }
}
