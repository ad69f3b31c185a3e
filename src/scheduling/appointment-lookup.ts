import type { EntityManager } from 'typeorm';
import { domainError } from '../common/errors/error-catalogue';
import { type Actor, canAccessLocation } from '../kernel/actor';
import { Appointment } from './entities/appointment.entity';
import { SchedulingErrors } from './scheduling.errors';

/** The appointment if it is at one of the actor's locations (locked for a change), else 404. */
export async function visibleAppointment(
  manager: EntityManager,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<Appointment> {
  const appointment = await manager.findOne(Appointment, {
    where: { id },
    ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!appointment || !canAccessLocation(actor, appointment.locationId)) {
    throw domainError(SchedulingErrors.appointmentNotFound, `No appointment ${id}`);
  }
  return appointment;
}
