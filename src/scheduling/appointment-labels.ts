import type { SelectQueryBuilder } from 'typeorm';
import { staffNameSql } from '../auth/staff-membership.sql';
import type { Actor } from '../kernel/actor';
import { scopeParameter } from '../kernel/location-scope';
import { locationLabelSql } from '../locations/location-facts.sql';
import { visiblePatientNameSql } from '../patients/patient-facts.sql';
import type { Appointment } from './entities/appointment.entity';

/** What a screen shows of an appointment besides its ids: names, duration, the clinic's zone. */
export interface AppointmentLabels {
  timeZone: string;
  locationName: string;
  therapistName: string;
  appointmentTypeName: string;
  durationMinutes: number;
  /** Null where the caller may not see the patient (a patient of another clinic). */
  patientName: string | null;
}

export interface LabelledAppointment {
  appointment: Appointment;
  labels: AppointmentLabels;
}

/**
 * The labels of the appointment row `appt` as one JSON expression, composed of the owners' SQL
 * (locations, auth, patients) so that a list is read with its names in one statement, not a
 * look-up per row. `scope` is the caller's clinics as a `uuid[]` placeholder (NULL for all).
 */
export function appointmentLabelsSql(appt: string, scope: string): string {
  return `json_build_object(
    'location', ${locationLabelSql(`${appt}.location_id`)},
    'therapistName', ${staffNameSql(`${appt}.therapist_id`)},
    'type', (SELECT json_build_object('name', labelled_type.name,
                                      'durationMinutes', labelled_type.duration_minutes)
               FROM appointment_types labelled_type
              WHERE labelled_type.id = ${appt}.appointment_type_id),
    'patient', ${visiblePatientNameSql(`${appt}.patient_id`, scope)})`;
}

interface RawLabels {
  location: { name: string; timeZone: string };
  therapistName: string;
  type: { name: string; durationMinutes: number };
  patient: { firstName: string; lastName: string } | null;
}

export function labelsOf(raw: RawLabels): AppointmentLabels {
  return {
    timeZone: raw.location.timeZone,
    locationName: raw.location.name,
    therapistName: raw.therapistName,
    appointmentTypeName: raw.type.name,
    durationMinutes: raw.type.durationMinutes,
    patientName: raw.patient ? `${raw.patient.firstName} ${raw.patient.lastName}` : null,
  };
}

/** Runs an appointment query with each row's labels selected alongside, in one statement. */
export async function withLabels(
  query: SelectQueryBuilder<Appointment>,
  actor: Actor,
): Promise<LabelledAppointment[]> {
  const alias = query.alias;
  const { entities, raw } = await query
    .addSelect(appointmentLabelsSql(alias, ':labelScope'), 'labels')
    .setParameter('labelScope', scopeParameter(actor))
    .getRawAndEntities<{ labels: RawLabels }>();
  return entities.map((appointment, index) => ({
    appointment,
    labels: labelsOf(raw[index].labels),
  }));
}
