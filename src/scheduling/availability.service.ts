import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../kernel/actor';
import { LocationsService } from '../locations/locations.service';
import { resourcesOfKind } from '../locations/resources.sql';
import { ineligibility } from '../staff/rules/eligibility';
import { StaffService } from '../staff/staff.service';
import { AvailabilityCalendar } from './availability-calendar';
import { Appointment } from './entities/appointment.entity';
import { AppointmentType } from './entities/appointment-type.entity';
import { type Interval, normalize, overlaps } from '../common/time/intervals';
import { ACTIVE_STATUSES } from './rules/lifecycle';
import { slotStartsWithin } from './rules/slots';
import { datesBetween, localDay, localTimeOf } from './rules/wall-clock';
import { SchedulingErrors } from './scheduling.errors';
import { domainError } from '../common/errors/error-catalogue';

const MINUTE = 60_000;
const STEP_MINUTES = 15;
export const MAX_RANGE_DAYS = 31;

export interface AvailableSlot {
  therapistId: string;
  therapistName: string;
  locationId: string;
  locationName: string;
  appointmentTypeId: string;
  appointmentTypeName: string;
  durationMinutes: number;
  startsAt: Date;
  endsAt: Date;
  localStart: string;
  localEnd: string;
  timeZone: string;
}

export interface AvailabilityQuery {
  appointmentTypeId: string;
  from: string;
  to: string;
  locationIds?: string[];
  therapistId?: string;
  limit: number;
  offset: number;
}

/** The slots of one therapist at one location, as start instants in time order. */
interface SlotList {
  therapistId: string;
  therapistName: string;
  locationId: string;
  starts: number[];
}

/**
 * Bookable slots: opening hours, working hours, closures, time off, existing bookings with their
 * buffers, room capacity. Loads each kind of data once for the whole range, then computes.
 */
@Injectable()
export class AvailabilityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly locations: LocationsService,
    private readonly staff: StaffService,
  ) {}

  async find(
    actor: Actor,
    query: AvailabilityQuery,
  ): Promise<{ slots: AvailableSlot[]; total: number }> {
    const dates = datesBetween(query.from, query.to);
    if (dates.length === 0 || dates.length > MAX_RANGE_DAYS) {
      throw domainError(
        SchedulingErrors.availabilityBadRange,
        `The range must be 1 to ${MAX_RANGE_DAYS} days`,
        [{ field: 'to', reason: `must be on or after from, at most ${MAX_RANGE_DAYS} days later` }],
      );
    }
    const manager = this.dataSource.manager;
    // The type, and the clinics in scope with their therapists, are read side by side on two
    // connections; a missing type is still the answer before any error of the clinics'.
    const [typeRead, staffRead] = await Promise.allSettled([
      manager.findOneBy(AppointmentType, { id: query.appointmentTypeId, active: true }),
      this.clinicsWithTherapists(actor, query),
    ]);
    if (typeRead.status === 'rejected') throw typeRead.reason;
    const type = typeRead.value;
    if (!type)
      throw domainError(
        SchedulingErrors.appointmentTypeNotFound,
        `No active appointment type ${query.appointmentTypeId}`,
      );
    if (staffRead.status === 'rejected') throw staffRead.reason;
    const { locations, candidates } = staffRead.value;
    if (locations.length === 0) return { slots: [], total: 0 };
    const locationIds = locations.map((location) => location.id);
    const byId = new Map(locations.map((location) => [location.id, location]));

    // Therapists with hours at these locations whom the eligibility rule lets deliver the type.
    const therapists = candidates.filter(
      (candidate) =>
        ineligibility(candidate.facts, type.allowedCredentials, byId.get(candidate.locationId)!) ===
        null,
    );
    if (therapists.length === 0) return { slots: [], total: 0 };

    const range = {
      start: localDay(dates[0], 'Pacific/Kiritimati').start,
      end: localDay(dates[dates.length - 1], 'Pacific/Pago_Pago').end,
    };
    const therapistIds = [...new Set(therapists.map((row) => row.therapistId))];
    const calendar = await AvailabilityCalendar.load(manager, range, locationIds, therapistIds);
    const rooms = type.resourceKind
      ? await this.roomUse(locationIds, type.resourceKind, range)
      : undefined;

    const durationMs = type.durationMinutes * MINUTE;
    const request = {
      durationMs,
      bufferBeforeMs: type.bufferBeforeMinutes * MINUTE,
      bufferAfterMs: type.bufferAfterMinutes * MINUTE,
      stepMs: STEP_MINUTES * MINUTE,
      notBefore: Date.now(),
    };
    // One list per therapist and location, each already in time order.
    const lists: SlotList[] = [];
    for (const { therapistId, therapistName, locationId } of therapists) {
      const list: SlotList = { therapistId, therapistName, locationId, starts: [] };
      lists.push(list);
      const { bookings, timeOff } = calendar.busyOf(therapistId);
      const busy = normalize([...bookings, ...timeOff]);
      for (const date of dates) {
        const open = calendar.openAt(therapistId, locationId, date);
        if (open.length > 0) slotStartsWithin(open, busy, request, list.starts);
      }
      if (rooms) {
        list.starts = list.starts.filter((start) =>
          rooms.hasPlace(locationId, { start, end: start + durationMs }),
        );
      }
    }
    const total = lists.reduce((sum, list) => sum + list.starts.length, 0);
    return {
      total,
      slots: pageOf(lists, query.offset, query.limit).map(({ list, start }) => {
        const zone = calendar.zoneOf(list.locationId);
        return {
          therapistId: list.therapistId,
          therapistName: list.therapistName,
          locationId: list.locationId,
          locationName: byId.get(list.locationId)!.name,
          appointmentTypeId: type.id,
          appointmentTypeName: type.name,
          durationMinutes: type.durationMinutes,
          startsAt: new Date(start),
          endsAt: new Date(start + durationMs),
          localStart: localTimeOf(start, zone),
          localEnd: localTimeOf(start + durationMs, zone),
          timeZone: zone,
        };
      }),
    };
  }

  /** The clinics in the actor's scope that the query names (or all), and who works there. */
  private async clinicsWithTherapists(actor: Actor, query: AvailabilityQuery) {
    const locations = await this.locations.factsInScope(actor, query.locationIds);
    const candidates = locations.length
      ? await this.staff.withHoursAt(
          this.dataSource.manager,
          locations.map((location) => location.id),
          query.therapistId,
        )
      : [];
    return { locations, candidates };
  }

  /** Places in rooms of a kind over the range, to tell whether a slot still has one. */
  private async roomUse(locationIds: string[], kind: string, range: Interval) {
    const resources = await resourcesOfKind(this.dataSource.manager, locationIds, kind);
    const bookings = resources.length
      ? await this.dataSource
          .getRepository(Appointment)
          .createQueryBuilder('appointment')
          .where('appointment.resource_id = ANY(:ids)', { ids: resources.map((r) => r.id) })
          .andWhere('appointment.status = ANY(:active)', { active: ACTIVE_STATUSES })
          .andWhere(
            'tstzrange(appointment.starts_at, appointment.ends_at) && tstzrange(:from, :to)',
            {
              from: new Date(range.start),
              to: new Date(range.end),
            },
          )
          .getMany()
      : [];
    return {
      hasPlace: (locationId: string, slot: Interval) =>
        resources
          .filter((resource) => resource.locationId === locationId)
          .some(
            (resource) =>
              bookings.filter(
                (booking) =>
                  booking.resourceId === resource.id &&
                  overlaps(
                    { start: booking.startsAt.getTime(), end: booking.endsAt.getTime() },
                    slot,
                  ),
              ).length < resource.capacity,
          ),
    };
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Slots `offset` to `offset + limit` of the merged lists, earliest first, ties by location and
 * therapist so pages do not shift between calls. Merging the heads of the time-ordered lists
 * touches only the slots before the page end, not all of them.
 */
function pageOf(
  lists: SlotList[],
  offset: number,
  limit: number,
): { list: SlotList; start: number }[] {
  const ordered = lists
    .filter((list) => list.starts.length > 0)
    .sort((a, b) => compare(a.locationId, b.locationId) || compare(a.therapistId, b.therapistId));
  const heads = ordered.map(() => 0);
  const page: { list: SlotList; start: number }[] = [];
  for (let taken = 0; taken < offset + limit; taken++) {
    let best = -1;
    for (let i = 0; i < ordered.length; i++) {
      if (
        heads[i] < ordered[i].starts.length &&
        (best < 0 || ordered[i].starts[heads[i]] < ordered[best].starts[heads[best]])
      ) {
        best = i;
      }
    }
    if (best < 0) break;
    if (taken >= offset)
      page.push({ list: ordered[best], start: ordered[best].starts[heads[best]] });
    heads[best]++;
  }
  return page;
}
