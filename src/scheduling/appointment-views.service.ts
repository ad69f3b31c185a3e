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
import { Appointment, AppointmentEvent } from './entities/appointment.entity';

/** Appointments with the zone of each one's location, looked up once for the whole list. */
export interface ZonedAppointments {
  appointments: Appointment[];
  zones: Map<string, string>;
}

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

  async get(actor: Actor, id: string): Promise<ZonedAppointments> {
    const appointment = await visibleAppointment(this.dataSource.manager, actor, id);
    await this.audit.record({ actor, action: 'read', entityType: 'appointment', entityId: id });
    return this.zoned([appointment]);
  }

  async history(actor: Actor, id: string): Promise<AppointmentEvent[]> {
    await visibleAppointment(this.dataSource.manager, actor, id);
    return this.dataSource
      .getRepository(AppointmentEvent)
      .find({ where: { appointmentId: id }, order: { id: 'ASC' } });
  }

  async forPatient(actor: Actor, patientId: string): Promise<ZonedAppointments> {
    await this.patients.assertVisible(actor, patientId);
    const query = this.dataSource
      .getRepository(Appointment)
      .createQueryBuilder('appointment')
      .where('appointment.patient_id = :patientId', { patientId })
      .orderBy('appointment.starts_at', 'DESC');
    const appointments = await scopeToLocations(query, actor, 'appointment.location_id').getMany();
    await this.audit.record({
      actor,
      action: 'read',
      entityType: 'patient_appointments',
      entityId: patientId,
    });
    return this.zoned(appointments);
  }

  /**
   * The day or week schedule of a location or a therapist, in the locations the actor sees.
   * Days are the location's local days: for a therapist who works at clinics in several zones,
   * each visit counts on its own clinic's local date.
   */
  async schedule(
    actor: Actor,
    filter: { locationId?: string; therapistId?: string; date: string; days: number },
  ): Promise<ZonedAppointments> {
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
    const { appointments, zones } = await this.zoned(
      await scopeToLocations(query, actor, 'appointment.location_id').getMany(),
    );
    const first = firstDay.toISODate()!;
    const last = lastDay.toISODate()!;
    return {
      zones,
      appointments: appointments.filter((appointment) => {
        const zone = zones.get(appointment.locationId)!;
        const date = DateTime.fromJSDate(appointment.startsAt, { zone }).toISODate()!;
        return first <= date && date < last;
      }),
    };
  }

  private async zoned(appointments: Appointment[]): Promise<ZonedAppointments> {
    const zones = await this.locations.zonesOf(appointments.map((a) => a.locationId));
    return { appointments, zones };
  }
}
