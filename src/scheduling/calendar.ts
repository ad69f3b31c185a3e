import { DateTime } from 'luxon';
import { EntityManager, In } from 'typeorm';
import { Location } from '../locations/location.entity';
import { Appointment } from './entities/appointment.entity';
import {
  LocationClosure,
  LocationHours,
  TherapistHours,
  TherapistTimeOff,
} from './entities/setup.entities';
import type { Interval } from './rules/intervals';
import { ACTIVE_STATUSES } from './rules/lifecycle';
import { openTime } from './rules/slots';
import { localDay, windowsOn } from './rules/wall-clock';

/**
 * Everything that decides when therapists can see patients at some locations over a period,
 * loaded in a handful of queries; `openAt` and `busyOf` then answer from memory.
 */
export class Calendar {
  private constructor(
    readonly locations: Map<string, Location>,
    private readonly locationHours: Map<string, LocationHours[]>,
    private readonly closures: Map<string, LocationClosure[]>,
    private readonly therapistHours: Map<string, TherapistHours[]>,
    private readonly timeOff: Map<string, TherapistTimeOff[]>,
    private readonly appointments: Map<string, Appointment[]>,
  ) {}

  static async load(
    manager: EntityManager,
    range: Interval,
    locationIds: string[],
    therapistIds: string[],
    options: { appointments: boolean } = { appointments: true },
  ): Promise<Calendar> {
    const period = [new Date(range.start), new Date(range.end)];
    const [locations, hours, closures, therapistHours, timeOff, appointments] = await Promise.all([
      manager.find(Location, { where: { id: In(locationIds) } }),
      manager.find(LocationHours, { where: { locationId: In(locationIds) } }),
      manager
        .createQueryBuilder(LocationClosure, 'closure')
        .where('closure.location_id = ANY(:locationIds)', { locationIds })
        // A day of margin on each side covers every zone's local dates.
        .andWhere('closure.ends_on >= (:from)::date - 1 AND closure.starts_on <= (:to)::date + 1', {
          from: period[0].toISOString(),
          to: period[1].toISOString(),
        })
        .getMany(),
      manager.find(TherapistHours, { where: { therapistId: In(therapistIds) } }),
      manager
        .createQueryBuilder(TherapistTimeOff, 'off')
        .where('off.therapist_id = ANY(:therapistIds)', { therapistIds })
        .andWhere('off.starts_at < :to AND off.ends_at > :from', { from: period[0], to: period[1] })
        .getMany(),
      options.appointments ? appointmentsQuery(manager, therapistIds, period).getMany() : [],
    ]);
    return new Calendar(
      new Map(locations.map((location) => [location.id, location])),
      group(hours, (row) => row.locationId),
      group(closures, (row) => row.locationId),
      group(therapistHours, (row) => row.therapistId),
      group(timeOff, (row) => row.therapistId),
      group(appointments, (row) => row.therapistId),
    );
  }

  zoneOf(locationId: string): string {
    const location = this.locations.get(locationId);
    if (!location) throw new Error(`location ${locationId} not loaded`);
    return location.timeZone;
  }

  /** When the location is open and the therapist works there on a local date. */
  openAt(therapistId: string, locationId: string, date: string): Interval[] {
    const zone = this.zoneOf(locationId);
    const opening = windowsOn(
      date,
      (this.locationHours.get(locationId) ?? []).map((row) => ({
        weekday: row.weekday,
        opens: row.opens.slice(0, 5),
        closes: row.closes.slice(0, 5),
      })),
      zone,
    );
    const working = windowsOn(
      date,
      (this.therapistHours.get(therapistId) ?? [])
        .filter((row) => row.locationId === locationId)
        .map((row) => ({
          weekday: row.weekday,
          opens: row.starts.slice(0, 5),
          closes: row.ends.slice(0, 5),
        })),
      zone,
    );
    const closed = (this.closures.get(locationId) ?? [])
      .filter((closure) => closure.startsOn <= date && date <= closure.endsOn)
      .map(() => localDay(date, zone));
    return openTime(opening, working, closed);
  }

  /** Whether the location has a closure on the local date. */
  closedOn(locationId: string, date: string): LocationClosure | undefined {
    return (this.closures.get(locationId) ?? []).find(
      (closure) => closure.startsOn <= date && date <= closure.endsOn,
    );
  }

  /** The therapist's bookings (with buffers) and time off, at any location. */
  busyOf(therapistId: string): { bookings: Interval[]; timeOff: Interval[] } {
    return {
      bookings: (this.appointments.get(therapistId) ?? []).map((appointment) => ({
        start: appointment.busyFrom.getTime(),
        end: appointment.busyUntil.getTime(),
      })),
      timeOff: (this.timeOff.get(therapistId) ?? []).map((off) => ({
        start: off.startsAt.getTime(),
        end: off.endsAt.getTime(),
      })),
    };
  }

  /** Appointments of the therapist in memory (for group sessions with seats left). */
  appointmentsOf(therapistId: string): Appointment[] {
    return this.appointments.get(therapistId) ?? [];
  }
}

export function localDateOf(instant: number, zone: string): string {
  return DateTime.fromMillis(instant, { zone }).toISODate()!;
}

function appointmentsQuery(manager: EntityManager, therapistIds: string[], period: Date[]) {
  return manager
    .createQueryBuilder(Appointment, 'appointment')
    .where('appointment.therapist_id = ANY(:therapistIds)', { therapistIds })
    .andWhere('appointment.status = ANY(:active)', { active: ACTIVE_STATUSES })
    .andWhere('tstzrange(appointment.busy_from, appointment.busy_until) && tstzrange(:from, :to)', {
      from: period[0],
      to: period[1],
    });
}

function group<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
}
