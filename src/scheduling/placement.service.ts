import { PatientErrors } from '../patients/patients.errors';
import { LocationErrors } from '../locations/locations.errors';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainError, InputError } from '../common/errors/domain-error';
import { domainError } from '../common/errors/error-catalogue';
import { insertTogether } from '../database/insert-together';
import type { Actor } from '../kernel/actor';
import { inScope } from '../kernel/location-scope';
import { assertPatientVisible } from '../patients/patients.service';
import { AppointmentListeners } from './appointment-listener.port';
import { AvailabilityCalendar } from './availability-calendar';
import {
  BookingPolicies,
  judge,
  type PolicyFinding,
  type ProposalKind,
} from './booking-policy.port';
import { BookingRead, type BookingTarget, type LocationFacts } from './booking-read';
import { assertEligibleFor } from './therapist-eligibility';
import type { StartTimeDto } from './dto/appointment.dto';
import { Appointment } from './entities/appointment.entity';
import { AppointmentType } from './entities/appointment-type.entity';
import { lockCalendarsOf, reserveResource, takeSeat } from './places';
import { contains, type Interval, overlaps } from '../common/time/intervals';
import { instantOf, localTimeOf, NonexistentLocalTimeError } from './rules/wall-clock';
import { SchedulingErrors } from './scheduling.errors';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A visit about to be written or moved, with what was read to check it. */
export interface Placement {
  kind: ProposalKind;
  actor: Actor;
  timeZone: string;
  patientId: string;
  type: AppointmentType;
  locationId: string;
  therapistId: string;
  startsAt: Date;
  episodeId: string | null;
  seriesId: string | null;
  /** Why the caller books past a policy's refusal (`gateOverrideReason`), if they do. */
  override?: { reason: string } | null;
  /** Why the patient comes; null if not told. */
  reasonForVisit?: string | null;
  /** Starts of the visits this request placed before this one (a series' earlier occurrences). */
  placedInRequest?: readonly Date[];
  /** Each registered policy's facts from the booking read. */
  policyFacts: Record<string, unknown>;
  /** A calendar read with the booking's other facts, and the period it covers. */
  preloaded?: { calendar: AvailabilityCalendar; covers: Interval };
}

/** A placement for a new appointment: with its location's reminder settings for the emails. */
export interface NewPlacement extends Placement {
  location: LocationFacts;
}

export type PlacedTimes = Pick<
  Appointment,
  'startsAt' | 'endsAt' | 'busyFrom' | 'busyUntil' | 'resourceId'
> & { sessionKey?: string; warnings: PolicyFinding[] };

/**
 * The period whose hours, closures and time off a booking needs: days around the requested
 * start, read before its zone is known (a local date is never more than 14 h off UTC).
 */
export function calendarPeriodAround(input: StartTimeDto): Interval {
  const anchor =
    input.startsAt !== undefined
      ? Date.parse(input.startsAt)
      : input.localStart !== undefined
        ? Date.parse(`${input.localStart.slice(0, 10)}T00:00:00Z`)
        : Number.NaN;
  const at = Number.isFinite(anchor) ? anchor : Date.now();
  return { start: at - 2 * DAY, end: at + 3 * DAY };
}

/**
 * Reads and checks where a visit goes, and writes a new one. Every rule availability applies is
 * checked again here, with every registered booking policy; double booking is finally refused by
 * the database's exclusion constraints, and shared rooms and group seats are counted under locks.
 */
@Injectable()
export class PlacementService {
  private bookingRead?: BookingRead;

  constructor(
    private readonly policies: BookingPolicies,
    private readonly listeners: AppointmentListeners,
    private readonly audit: AuditService,
  ) {}

  /** The booking's one read, built once every module has registered its policies. */
  read(manager: EntityManager, target: BookingTarget, around: Interval) {
    this.bookingRead ??= new BookingRead(this.policies.all());
    return this.bookingRead.load(manager, target, around);
  }

  /** Reads and checks a new visit's type, location, therapist and patient. */
  async placementFor(
    manager: EntityManager,
    actor: Actor,
    input: BookingTarget & StartTimeDto & { gateOverrideReason?: string; reasonForVisit?: string },
    kind: ProposalKind,
    seriesId: string | null,
  ): Promise<NewPlacement> {
    const around = calendarPeriodAround(input);
    const facts = await this.read(manager, input, around);
    const { type, location, therapist, patient } = facts;
    if (!type || !type.active) {
      throw domainError(
        SchedulingErrors.appointmentTypeNotFound,
        `No active appointment type ${input.appointmentTypeId}`,
      );
    }
    if (!location || !inScope(actor, input.locationId)) {
      throw domainError(LocationErrors.locationNotFound, `No location ${input.locationId}`);
    }
    await assertEligibleFor(manager, actor, therapist, input.therapistId, type, location);
    assertPatientVisible(actor, input.patientId, patient);
    if (patient.archived) {
      throw domainError(PatientErrors.patientArchived, 'An archived patient cannot be booked');
    }
    return {
      kind,
      actor,
      timeZone: location.timeZone,
      patientId: input.patientId,
      type,
      locationId: input.locationId,
      therapistId: input.therapistId,
      startsAt: startOf(input, location.timeZone),
      episodeId: input.episodeId ?? null,
      seriesId,
      override: input.gateOverrideReason ? { reason: input.gateOverrideReason } : null,
      reasonForVisit: input.reasonForVisit ?? null,
      location,
      policyFacts: facts.policyFacts,
      preloaded: { calendar: facts.calendar, covers: around },
    };
  }

  /**
   * Everything availability checks, for one visit (opening and working hours, closures, time
   * off, group seats and room capacity, both counted under a lock), then every booking policy.
   * Returns the times, the room and the policies' warnings.
   */
  async check(
    manager: EntityManager,
    placement: Placement,
    moving: Appointment | null,
  ): Promise<PlacedTimes> {
    const { type, startsAt } = placement;
    const visit = {
      start: startsAt.getTime(),
      end: startsAt.getTime() + type.durationMinutes * MINUTE,
    };
    const busy = {
      start: visit.start - type.bufferBeforeMinutes * MINUTE,
      end: visit.end + type.bufferAfterMinutes * MINUTE,
    };
    // The policies first: a held episode is the answer whatever the time asked for.
    const warnings = this.applyPolicies(placement, moving, new Date(visit.end));
    if (visit.start < Date.now()) {
      throw domainError(SchedulingErrors.inPast, 'The start time has passed', [
        { field: 'startsAt', reason: 'must be in the future' },
      ]);
    }
    await lockCalendarsOf(manager, placement.therapistId, placement.patientId);
    // Overlaps with other bookings are the exclusion constraints' to refuse: no need to load them.
    const needed = { start: busy.start - DAY, end: busy.end + DAY };
    const calendar =
      placement.preloaded && contains([placement.preloaded.covers], needed)
        ? placement.preloaded.calendar
        : await AvailabilityCalendar.load(
            manager,
            needed,
            [placement.locationId],
            [placement.therapistId],
            { bookings: false },
          );
    const zone = calendar.zoneOf(placement.locationId);
    const date = localTimeOf(visit.start, zone).slice(0, 10);
    const closure = calendar.closedOn(placement.locationId, date);
    if (closure) {
      throw domainError(
        SchedulingErrors.locationClosed,
        `The location is closed on ${date}: ${closure.reason}`,
      );
    }
    if (!contains(calendar.openAt(placement.therapistId, placement.locationId, date), visit)) {
      throw domainError(
        SchedulingErrors.outsideHours,
        'The visit is outside the location’s opening hours or the therapist’s working hours there',
      );
    }
    const { timeOff } = calendar.busyOf(placement.therapistId);
    if (timeOff.some((off) => overlaps(off, busy))) {
      throw domainError(SchedulingErrors.therapistTimeOff, 'The therapist is off at that time');
    }
    const sessionKey =
      type.groupCapacity > 1 ? sessionKeyOf(type.id, placement.therapistId, startsAt) : undefined;
    if (sessionKey) await takeSeat(manager, sessionKey, type.groupCapacity, moving?.id);
    const resourceId = type.resourceKind
      ? await reserveResource(manager, placement.locationId, type.resourceKind, visit, moving?.id)
      : null;
    return {
      startsAt,
      endsAt: new Date(visit.end),
      busyFrom: new Date(busy.start),
      busyUntil: new Date(busy.end),
      resourceId,
      warnings,
      ...(moving && sessionKey ? { sessionKey } : {}),
    };
  }

  /**
   * Only the booking policies, for a visit whose time and place stay as they are while
   * something the policies judge changes (the episode it belongs to).
   */
  checkPolicies(placement: Placement, appointment: Appointment): PolicyFinding[] {
    return this.applyPolicies(placement, appointment, appointment.endsAt);
  }

  /** Refuses with the first policy that refuses; otherwise returns every warning. */
  private applyPolicies(placement: Placement, moving: Appointment | null, endsAt: Date) {
    const visit = {
      kind: placement.kind,
      actor: placement.actor,
      patientId: placement.patientId,
      episodeId: placement.episodeId,
      locationId: placement.locationId,
      therapistId: placement.therapistId,
      appointmentType: placement.type,
      startsAt: placement.startsAt,
      endsAt,
      timeZone: placement.timeZone,
      appointmentId: moving?.id ?? null,
      override: placement.override ?? null,
      placedInRequest: placement.placedInRequest ?? [],
    };
    const { refusal, warnings } = judge(this.policies.all(), visit, placement.policyFacts);
    if (refusal) throw new PolicyRefusal(refusal);
    return warnings;
  }

  /**
   * Writes a new appointment with its history, audit and listeners' rows (the patient's emails)
   * in one statement, which is atomic on its own.
   */
  async write(
    manager: EntityManager,
    placement: NewPlacement,
    { confirm = true } = {},
  ): Promise<{ appointment: Appointment; warnings: PolicyFinding[] }> {
    const { actor, type, location } = placement;
    const id = randomUUID();
    const { warnings, ...times } = await this.check(manager, placement, null);
    const sessionKey =
      type.groupCapacity > 1 ? sessionKeyOf(type.id, placement.therapistId, times.startsAt) : id;
    const now = new Date();
    const appointment = Object.assign(new Appointment(), {
      id,
      appointmentTypeId: type.id,
      locationId: placement.locationId,
      therapistId: placement.therapistId,
      patientId: placement.patientId,
      episodeId: placement.episodeId,
      seriesId: placement.seriesId,
      reasonForVisit: placement.reasonForVisit ?? null,
      status: 'booked' as const,
      sessionKey,
      createdBy: actor.userId,
      cancelReason: null,
      lateCancellation: null,
      cancelledAt: null,
      createdAt: now,
      updatedAt: now,
      ...times,
    });
    await insertTogether(manager, [
      {
        table: 'appointments',
        rows: [
          {
            id,
            appointment_type_id: type.id,
            location_id: appointment.locationId,
            therapist_id: appointment.therapistId,
            patient_id: appointment.patientId,
            resource_id: appointment.resourceId,
            episode_id: appointment.episodeId,
            series_id: appointment.seriesId,
            reason_for_visit: appointment.reasonForVisit,
            status: appointment.status,
            starts_at: appointment.startsAt,
            ends_at: appointment.endsAt,
            busy_from: appointment.busyFrom,
            busy_until: appointment.busyUntil,
            session_key: sessionKey,
            created_by: actor.userId,
            created_at: now,
            updated_at: now,
          },
        ],
      },
      {
        table: 'appointment_events',
        rows: [
          {
            appointment_id: id,
            actor_user_id: actor.userId,
            action: 'book',
            to_status: 'booked',
            to_starts_at: appointment.startsAt,
          },
        ],
      },
      {
        table: 'audit_events',
        rows: [
          this.audit.rowOf({
            actor,
            action: 'create',
            entityType: 'appointment',
            entityId: id,
            patientId: appointment.patientId,
            details: {
              action: 'book',
              ...(warnings.length > 0 ? { warnings: warnings.map((w) => w.code) } : {}),
              ...(placement.override ? { overrideReason: placement.override.reason } : {}),
            },
          }),
        ],
      },
      ...this.listeners.rowsForNewAppointment({
        id,
        patientId: appointment.patientId,
        locationId: appointment.locationId,
        therapistId: appointment.therapistId,
        startsAt: appointment.startsAt,
        timeZone: placement.timeZone,
        type,
        location,
        confirm,
      }),
    ]);
    return { appointment, warnings };
  }
}

/**
 * A booking policy refused the visit. A series stops at it rather than listing it as one
 * occurrence's conflict when it refuses the whole series alike (see `BookingService`).
 */
export class PolicyRefusal extends DomainError {
  constructor(readonly finding: PolicyFinding) {
    const { kind } = domainError(finding.code, finding.message);
    super(kind, finding.code, finding.message, [{ field: finding.field, reason: finding.reason }]);
  }
}

/** The instant a request names, by `startsAt` or by `localStart` in the location's zone. */
export function startOf(input: StartTimeDto, zone: string): Date {
  if (input.localStart !== undefined) {
    try {
      return instantOf(input.localStart, zone);
    } catch (error) {
      const message = (error as Error).message;
      const code =
        error instanceof NonexistentLocalTimeError
          ? SchedulingErrors.nonexistentLocalTime
          : SchedulingErrors.invalidLocalTime;
      throw new InputError(code, message, [{ field: 'localStart', reason: message }]);
    }
  }
  if (input.startsAt === undefined) {
    throw new InputError(SchedulingErrors.startMissing, 'Give startsAt or localStart', [
      { field: 'startsAt', reason: 'give startsAt or localStart' },
    ]);
  }
  return new Date(input.startsAt);
}

/** Namespace of group-session ids (UUID v5), so every participant computes the same one. */
const SESSION_NAMESPACE = '5b0c6c1e-3f0a-4c55-9d53-3d2a3f7e9b21';

export function sessionKeyOf(typeId: string, therapistId: string, startsAt: Date): string {
  return uuidv5(`${typeId}|${therapistId}|${startsAt.toISOString()}`, SESSION_NAMESPACE);
}
