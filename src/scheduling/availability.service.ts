import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, locationScope } from '../auth/actor';
import { InputError, NotFoundError } from '../common/errors/domain-error';
import { Calendar } from './calendar';
import { Appointment } from './entities/appointment.entity';
import { AppointmentType, Resource } from './entities/setup.entities';
import { type Interval, overlaps } from './rules/intervals';
import { ACTIVE_STATUSES } from './rules/lifecycle';
import { findSlots } from './rules/slots';
import { datesBetween, localDay, localTimeOf } from './rules/wall-clock';

const MINUTE = 60_000;
const STEP_MINUTES = 15;
export const MAX_RANGE_DAYS = 31;

export interface AvailableSlot {
  therapistId: string;
  locationId: string;
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
}

/**
 * Bookable slots: opening hours, working hours, closures, time off, existing bookings with their
 * buffers, room capacity. Loads each kind of data once for the whole range, then computes.
 */
@Injectable()
export class AvailabilityService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(actor: Actor, query: AvailabilityQuery): Promise<AvailableSlot[]> {
    const dates = datesBetween(query.from, query.to);
    if (dates.length === 0 || dates.length > MAX_RANGE_DAYS) {
      throw new InputError(
        'availability.bad_range',
        `The range must be 1 to ${MAX_RANGE_DAYS} days`,
        [{ field: 'to', reason: `must be on or after from, at most ${MAX_RANGE_DAYS} days later` }],
      );
    }
    const manager = this.dataSource.manager;
    const type = await manager.findOneBy(AppointmentType, {
      id: query.appointmentTypeId,
      active: true,
    });
    if (!type)
      throw new NotFoundError(
        'appointment_type.not_found',
        `No active appointment type ${query.appointmentTypeId}`,
      );

    const scope = locationScope(actor);
    const locationIds = (
      await manager.query<{ id: string }[]>(
        `SELECT id FROM locations
          WHERE ($1::uuid[] IS NULL OR id = ANY($1)) AND ($2::uuid[] IS NULL OR id = ANY($2))`,
        [query.locationIds?.length ? query.locationIds : null, scope ? [...scope] : null],
      )
    ).map((row) => row.id);
    if (locationIds.length === 0) return [];

    // Therapists who work at these locations, may deliver the type, and are active.
    const therapists = await manager.query<{ therapist_id: string; location_id: string }[]>(
      `SELECT DISTINCT h.therapist_id, h.location_id
         FROM therapist_hours h
         JOIN users u ON u.id = h.therapist_id AND u.active AND u.role = 'therapist'
         JOIN user_locations ul ON ul.user_id = h.therapist_id AND ul.location_id = h.location_id
         JOIN therapist_profiles p ON p.user_id = h.therapist_id AND p.credential = ANY($2)
        WHERE h.location_id = ANY($1) AND ($3::uuid IS NULL OR h.therapist_id = $3)`,
      [locationIds, type.allowedCredentials, query.therapistId ?? null],
    );
    if (therapists.length === 0) return [];

    const range = {
      start: localDay(dates[0], 'Pacific/Kiritimati').start,
      end: localDay(dates[dates.length - 1], 'Pacific/Pago_Pago').end,
    };
    const therapistIds = [...new Set(therapists.map((row) => row.therapist_id))];
    const calendar = await Calendar.load(manager, range, locationIds, therapistIds);
    const rooms = type.resourceKind
      ? await this.roomUse(locationIds, type.resourceKind, range)
      : undefined;

    const notBefore = Date.now();
    const slots: AvailableSlot[] = [];
    for (const { therapist_id: therapistId, location_id: locationId } of therapists) {
      const zone = calendar.zoneOf(locationId);
      const { bookings, timeOff } = calendar.busyOf(therapistId);
      const busy = [...bookings, ...timeOff];
      for (const date of dates) {
        const open = calendar.openAt(therapistId, locationId, date);
        if (open.length === 0) continue;
        for (const slot of findSlots({
          open,
          busy,
          durationMs: type.durationMinutes * MINUTE,
          bufferBeforeMs: type.bufferBeforeMinutes * MINUTE,
          bufferAfterMs: type.bufferAfterMinutes * MINUTE,
          stepMs: STEP_MINUTES * MINUTE,
          notBefore,
        })) {
          if (rooms && !rooms.hasPlace(locationId, slot)) continue;
          slots.push({
            therapistId,
            locationId,
            startsAt: new Date(slot.start),
            endsAt: new Date(slot.end),
            localStart: localTimeOf(slot.start, zone),
            localEnd: localTimeOf(slot.end, zone),
            timeZone: zone,
          });
        }
      }
    }
    return slots.sort(
      (a, b) =>
        a.startsAt.getTime() - b.startsAt.getTime() ||
        a.locationId.localeCompare(b.locationId) ||
        a.therapistId.localeCompare(b.therapistId),
    );
  }

  /** Places in rooms of a kind over the range, to tell whether a slot still has one. */
  private async roomUse(locationIds: string[], kind: string, range: Interval) {
    const resources = await this.dataSource
      .getRepository(Resource)
      .createQueryBuilder('resource')
      .where('resource.location_id = ANY(:locationIds) AND resource.kind = :kind', {
        locationIds,
        kind,
      })
      .getMany();
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
