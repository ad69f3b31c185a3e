import type { EntityManager } from 'typeorm';
import { closuresSql, openingHoursSql, zonesSql } from '../locations/location-facts.sql';
import { parseWorkingWindow, timeOffSql, workingHoursSql } from '../staff/therapist-facts.sql';
import type { Interval } from '../common/time/intervals';
import { ACTIVE_STATUSES } from './rules/lifecycle';
import { openTime } from './rules/slots';
import { isoWeekday, localDay, type WeeklyWindow, windowsOfTheirDay } from './rules/wall-clock';

interface LocationWindow extends WeeklyWindow {
  locationId: string;
}

interface Closure {
  locationId: string;
  startsOn: string;
  endsOn: string;
  reason: string;
}

type TherapistWindow = LocationWindow & { therapistId: string };

/** Weekly hours at a location on a weekday, shared by the therapists who keep them. */
interface SharedHours {
  windows: TherapistWindow[];
  /** Their open time by local date, less the location's closed time. */
  openOn: Map<string, Interval[]>;
}

interface Busy extends Interval {
  therapistId: string;
}

/**
 * The calendar's JSON. The two lists that grow with the number of therapists and their visits
 * come as strings (`workingHoursSql`; a booking is `therapistId startMs endMs`): PostgreSQL builds
 * a JSON object at about 3 µs a row, ten times a string's cost.
 */
interface CalendarData {
  zones: Record<string, string>;
  hours: LocationWindow[];
  closures: Closure[];
  therapistHours: string[];
  timeOff: Busy[];
  bookings: string[];
}

/** What a calendar query reads, and for how many locations and therapists. */
export interface CalendarQuery {
  /** Existing bookings too; booking itself leaves overlaps to the exclusion constraints. */
  bookings: boolean;
  /**
   * One location and one therapist, compared with `=` rather than `= ANY`: PostgreSQL then
   * estimates a prepared statement's generic plan as cheap as a custom one and keeps it, where
   * with arrays it planned every execution again (a third of a booking's read).
   */
  single?: boolean;
}

/**
 * A calendar's data as one JSON column, composed of the locations and staff modules' SQL, for `SELECT ${calendarData(query)}` with the parameters
 * from `calendarParameters(..., query)` first (a larger query appends its own after them).
 * Without bookings the appointments subquery is left out of the text, not merely skipped: it is
 * the costliest part to plan.
 */
export function calendarData(query: CalendarQuery): string {
  const oneOf = (parameter: string) => (query.single ? `= ${parameter}` : `= ANY(${parameter})`);
  const bookings = query.bookings
    ? `(SELECT coalesce(json_agg(therapist_id || ' ' || floor(extract(epoch FROM busy_from) * 1000)
              || ' ' || ceil(extract(epoch FROM busy_until) * 1000)), '[]')
              FROM appointments WHERE therapist_id ${oneOf('$2')} AND status = ANY($5)
               AND tstzrange(busy_from, busy_until) && tstzrange($3, $4))`
    : `'[]'::json`;
  return `json_build_object(
  'zones', ${zonesSql(oneOf, '$1')},
  'hours', ${openingHoursSql(oneOf, '$1')},
  'closures', ${closuresSql(oneOf, '$1', '$3', '$4')},
  'therapistHours', ${workingHoursSql(oneOf, '$2')},
  'timeOff', ${timeOffSql(oneOf, '$2', '$3', '$4')},
  'bookings', ${bookings}
)`;
}

/** With `single`, only the first location and therapist are passed. */
export function calendarParameters(
  range: Interval,
  locationIds: string[],
  therapistIds: string[],
  query: CalendarQuery,
): unknown[] {
  return [
    query.single ? locationIds[0] : locationIds,
    query.single ? therapistIds[0] : therapistIds,
    new Date(range.start),
    new Date(range.end),
    ...(query.bookings ? [ACTIVE_STATUSES] : []),
  ];
}

/**
 * Everything that decides when therapists can see patients at some locations over a period,
 * fetched in one round trip; `openAt`, `closedOn` and `busyOf` then answer from memory.
 */
export class AvailabilityCalendar {
  private readonly hours: Map<string, LocationWindow[]>;
  /** Therapist, then location, then ISO weekday (1-7): the hours they work there that day. */
  private readonly therapistHours: Map<string, Map<string, SharedHours[]>>;
  private readonly bookings: Map<string, Interval[]>;
  private readonly timeOff: Map<string, Interval[]>;
  /** A location's open time on a date, less closures: the same for each of its therapists. */
  private readonly locationOpen = new Map<string, { opening: Interval[]; closed: Interval[] }>();
  private readonly weekdays = new Map<string, number>();

  private constructor(private readonly data: CalendarData) {
    // Grouped once: availability asks for every therapist, location and day.
    this.hours = groupBy(data.hours, (row) => `${row.locationId}|${row.weekday}`);
    this.therapistHours = sharedHoursOf(data.therapistHours.map(parseWorkingWindow));
    this.bookings = groupBy(data.bookings.map(parseBooking), (busy) => busy.therapistId);
    this.timeOff = groupBy(data.timeOff, (busy) => busy.therapistId);
  }

  static async load(
    manager: EntityManager,
    range: Interval,
    locationIds: string[],
    therapistIds: string[],
    query: CalendarQuery = { bookings: true },
  ): Promise<AvailabilityCalendar> {
    const [row] = await manager.query<{ data: CalendarData }[]>(
      `SELECT ${calendarData(query)} AS data`,
      calendarParameters(range, locationIds, therapistIds, query),
    );
    return new AvailabilityCalendar(row.data);
  }

  /** A calendar from the `calendarData` column of a larger query. */
  static of(data: unknown): AvailabilityCalendar {
    return new AvailabilityCalendar(data as CalendarData);
  }

  zoneOf(locationId: string): string {
    const zone = this.data.zones[locationId];
    if (!zone) throw new Error(`location ${locationId} not loaded`);
    return zone;
  }

  /**
   * When the location is open and the therapist works there on a local date, normalized (in
   * time order, merged). Shared between therapists with the same hours: read, never change it.
   */
  openAt(therapistId: string, locationId: string, date: string): readonly Interval[] {
    const hours = this.therapistHours.get(therapistId)?.get(locationId)?.[this.weekdayOf(date)];
    if (!hours) return [];
    let open = hours.openOn.get(date);
    if (!open) {
      const zone = this.zoneOf(locationId);
      const { opening, closed } = this.locationOpenOn(locationId, date, zone);
      open =
        opening.length === 0
          ? []
          : openTime(opening, windowsOfTheirDay(date, hours.windows, zone), closed);
      hours.openOn.set(date, open);
    }
    return open;
  }

  private weekdayOf(date: string): number {
    let weekday = this.weekdays.get(date);
    if (weekday === undefined) {
      weekday = isoWeekday(date);
      this.weekdays.set(date, weekday);
    }
    return weekday;
  }

  private locationOpenOn(locationId: string, date: string, zone: string) {
    const key = `${locationId}|${date}`;
    let open = this.locationOpen.get(key);
    if (!open) {
      open = {
        opening: windowsOfTheirDay(
          date,
          this.hours.get(`${locationId}|${this.weekdayOf(date)}`) ?? [],
          zone,
        ),
        closed: this.closedOn(locationId, date) ? [localDay(date, zone)] : [],
      };
      this.locationOpen.set(key, open);
    }
    return open;
  }

  /** The closure in force at the location on a local date, if any. */
  closedOn(locationId: string, date: string): Closure | undefined {
    return this.data.closures.find(
      (closure) =>
        closure.locationId === locationId && closure.startsOn <= date && date <= closure.endsOn,
    );
  }

  /** The therapist's bookings (with buffers) and time off, at any location. */
  busyOf(therapistId: string): { bookings: Interval[]; timeOff: Interval[] } {
    return {
      bookings: this.bookings.get(therapistId) ?? [],
      timeOff: this.timeOff.get(therapistId) ?? [],
    };
  }
}

/**
 * Therapist, then location, then ISO weekday: their hours. Most of a clinic's therapists keep the
 * same hours, so each distinct set at a location on a weekday is one object, and its open time on
 * a date is computed once rather than once per therapist.
 */
function sharedHoursOf(rows: TherapistWindow[]): Map<string, Map<string, SharedHours[]>> {
  const shared = new Map<string, SharedHours>();
  const byTherapist = new Map<string, Map<string, SharedHours[]>>();
  const groups = groupBy(rows, (row) => `${row.therapistId}|${row.locationId}|${row.weekday}`);
  for (const windows of groups.values()) {
    const { therapistId, locationId, weekday } = windows[0];
    const times = windows.map((window) => `${window.opens}-${window.closes}`).join(',');
    const key = `${locationId}|${weekday}|${times}`;
    let hours = shared.get(key);
    if (!hours) {
      hours = { windows, openOn: new Map() };
      shared.set(key, hours);
    }
    let byLocation = byTherapist.get(therapistId);
    if (!byLocation) {
      byLocation = new Map();
      byTherapist.set(therapistId, byLocation);
    }
    let byWeekday = byLocation.get(locationId);
    if (!byWeekday) {
      byWeekday = [];
      byLocation.set(locationId, byWeekday);
    }
    byWeekday[weekday] = hours;
  }
  return byTherapist;
}

function parseBooking(text: string): Busy {
  const [therapistId, start, end] = text.split(' ');
  return { therapistId, start: Number(start), end: Number(end) };
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
