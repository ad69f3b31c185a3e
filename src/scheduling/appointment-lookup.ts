import type { EntityManager } from 'typeorm';
import { domainError } from '../common/errors/error-catalogue';
import type { Actor } from '../kernel/actor';
import { visibleOr } from '../kernel/location-scope';
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
  return visibleOr(
    actor,
    appointment,
    (row) => [row.locationId],
    () => domainError(SchedulingErrors.appointmentNotFound, `No appointment ${id}`),
  );
}
