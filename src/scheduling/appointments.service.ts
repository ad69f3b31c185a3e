import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { OutboxService } from '../reminders/outbox.service';
import { type Actor, canAccessLocation, locationScope } from '../kernel/actor';
import type { RequestMetadata } from '../kernel/decorators';
import type { Role } from '../kernel/role';
import {
  ConflictError,
  DomainError,
  ErrorKind,
  InputError,
  NotFoundError,
} from '../common/errors/domain-error';
import { insertTogether } from '../database/insert-together';
import { describeConstraints, domainErrorFromPostgres } from '../database/postgres-errors';
import { EpisodeOfCare } from '../intake/episode.entity';
import { EpisodesService } from '../intake/episodes.service';
import { assertPatientVisible, PatientsService } from '../patients/patients.service';
import { loadBookingContext, type LocationFacts, type TherapistFacts } from './booking-context';
import { Calendar } from './calendar';
import type {
  BookAppointmentDto,
  RescheduleDto,
  SeriesDto,
  StartTimeDto,
} from './dto/appointment.dto';
import { Appointment, AppointmentEvent, AppointmentSeries } from './entities/appointment.entity';
import { AppointmentType, Resource } from './entities/setup.entities';
import { contains, type Interval, overlaps } from './rules/intervals';
import {
  ACTIVE_STATUSES,
  type AppointmentAction,
  canMarkNoShow,
  canReschedule,
  isLateCancellation,
  nextStatus,
} from './rules/lifecycle';
import { expandSeries, type Occurrence } from './rules/series';
import { instantOf, localTimeOf, NonexistentLocalTimeError } from './rules/wall-clock';
import { WaitlistService } from './waitlist.service';
import type { WaitlistEntry } from './entities/feed.entities';

describeConstraints({
  appointments_therapist_no_overlap: {
    field: 'therapistId',
    message: 'The therapist is already booked at that time',
  },
  appointments_patient_no_overlap: {
    field: 'patientId',
    message: 'The patient already has an appointment at that time',
  },
});

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

interface Placement {
  timeZone: string;
  patientId: string;
  type: AppointmentType;
  locationId: string;
  therapistId: string;
  startsAt: Date;
  episodeId: string | null;
  seriesId: string | null;
  /** A calendar read with the booking's other facts, and the period it covers. */
  preloaded?: { calendar: Calendar; covers: Interval };
}

/** A placement for a new appointment: with its location's reminder settings for the outbox. */
interface NewPlacement extends Placement {
  location: LocationFacts;
}

/**
 * The period whose hours, closures and time off a booking needs: days around the requested
 * start, read before its zone is known (a local date is never more than 14 h off UTC).
 */
function calendarPeriodAround(input: StartTimeDto): Interval {
  const anchor =
    input.startsAt !== undefined
      ? Date.parse(input.startsAt)
      : input.localStart !== undefined
        ? Date.parse(`${input.localStart.slice(0, 10)}T00:00:00Z`)
        : Number.NaN;
  const at = Number.isFinite(anchor) ? anchor : Date.now();
  return { start: at - 2 * DAY, end: at + 3 * DAY };
}

export interface OccurrenceOutcome {
  occurrence: Occurrence;
  appointment: Appointment | null;
  conflict: DomainError | null;
}

/**
 * Booking, moving and the lifecycle of appointments. Every rule availability applies is checked
 * again inside the booking transaction; double booking is finally refused by the database's
 * exclusion constraints, and shared rooms and group sessions are counted under a lock.
 */
@Injectable()
export class AppointmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly patients: PatientsService,
    private readonly episodes: EpisodesService,
    private readonly audit: AuditService,
    private readonly waitlist: WaitlistService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Books one visit; returns it with its location's zone, for showing local times. A visit that
   * needs no shared room or group seat is checked from one read and written in one statement,
   * which is atomic on its own; overlaps are the exclusion constraints' to refuse. Rooms and
   * group seats are counted under locks, in a transaction.
   */
  async book(
    actor: Actor,
    input: BookAppointmentDto,
  ): Promise<{ appointment: Appointment; timeZone: string }> {
    const placement = await this.placementFor(this.dataSource.manager, actor, input, null);
    const countsPlaces = placement.type.groupCapacity > 1 || placement.type.resourceKind !== null;
    const appointment = countsPlaces
      ? await this.dataSource.transaction((manager) => this.place(manager, actor, placement))
      : await this.place(this.dataSource.manager, actor, placement);
    return { appointment, timeZone: placement.timeZone };
  }

  async bookSeries(
    actor: Actor,
    input: SeriesDto,
  ): Promise<{ series: AppointmentSeries | null; outcomes: OccurrenceOutcome[] }> {
    const location = await this.visibleLocation(this.dataSource.manager, actor, input.locationId);
    let occurrences: Occurrence[];
    try {
      occurrences = expandSeries(input.rrule, input.localStart, location.timeZone);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      throw new InputError('series.invalid_rule', error.message, [
        { field: 'rrule', reason: error.message },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      const series = await manager.save(AppointmentSeries, {
        rrule: input.rrule,
        localStart: input.localStart,
        createdBy: actor.userId,
      });
      const base = await this.placementFor(
        manager,
        actor,
        { ...input, localStart: input.localStart },
        series.id,
      );
      const outcomes: OccurrenceOutcome[] = [];
      for (const occurrence of occurrences) {
        if (!occurrence.startsAt) {
          outcomes.push({
            occurrence,
            appointment: null,
            conflict: new InputError(
              'appointment.nonexistent_local_time',
              `${occurrence.localStart} does not exist in ${location.timeZone}`,
            ),
          });
          continue;
        }
        // Each occurrence in its own savepoint: one conflict must not undo the others.
        await manager.query('SAVEPOINT occurrence');
        try {
          // One confirmation for the series, on its first booked visit, listing them all.
          const appointment = await this.place(
            manager,
            actor,
            { ...base, startsAt: occurrence.startsAt },
            { confirm: outcomes.every((outcome) => !outcome.appointment) },
          );
          await manager.query('RELEASE SAVEPOINT occurrence');
          outcomes.push({ occurrence, appointment, conflict: null });
        } catch (error) {
          await manager.query('ROLLBACK TO SAVEPOINT occurrence');
          const conflict = error instanceof DomainError ? error : domainErrorFromPostgres(error);
          if (!conflict) throw error;
          outcomes.push({ occurrence, appointment: null, conflict });
        }
      }
      const conflicts = outcomes.filter((outcome) => outcome.conflict);
      if (conflicts.length > 0 && input.onConflict === 'book_none') {
        throw new SeriesConflictError(outcomes);
      }
      if (outcomes.every((outcome) => outcome.conflict)) throw new SeriesConflictError(outcomes);
      return { series, outcomes };
    });
  }

  async transition(
    actor: Actor,
    id: string,
    action: Exclude<AppointmentAction, 'cancel'>,
  ): Promise<Appointment> {
    return this.dataSource.transaction(async (manager) => {
      const appointment = await this.visibleAppointment(manager, actor, id, true);
      const next = nextStatus(appointment.status, action);
      if (!next) throw this.illegal(appointment, action);
      if (action === 'no_show' && !canMarkNoShow(new Date(), appointment.startsAt)) {
        throw new ConflictError(
          'appointment.not_started',
          'A no-show is recorded once the appointment has started',
        );
      }
      await manager.update(Appointment, { id }, { status: next });
      await this.record(manager, actor, appointment, action, { status: next });
      return manager.findOneByOrFail(Appointment, { id });
    });
  }

  async cancel(actor: Actor, id: string, reason: string): Promise<Appointment> {
    return this.dataSource.transaction((manager) => this.cancelIn(manager, actor, id, reason));
  }

  /** Cancels an occurrence and every later one of its series, all or none. */
  async cancelFollowing(actor: Actor, id: string, reason: string): Promise<Appointment[]> {
    return this.dataSource.transaction(async (manager) => {
      const first = await this.visibleAppointment(manager, actor, id);
      if (!first.seriesId) {
        throw new ConflictError(
          'appointment.not_in_series',
          'The appointment is not part of a series',
        );
      }
      const following = await manager
        .getRepository(Appointment)
        .createQueryBuilder('appointment')
        .where('appointment.series_id = :seriesId', { seriesId: first.seriesId })
        .andWhere('appointment.starts_at >= :from', { from: first.startsAt })
        .andWhere("appointment.status IN ('booked', 'confirmed')")
        .orderBy('appointment.starts_at')
        .getMany();
      const cancelled: Appointment[] = [];
      for (const appointment of following) {
        cancelled.push(await this.cancelIn(manager, actor, appointment.id, reason));
      }
      return cancelled;
    });
  }

  private async cancelIn(
    manager: EntityManager,
    actor: Actor,
    id: string,
    reason: string,
  ): Promise<Appointment> {
    const appointment = await this.visibleAppointment(manager, actor, id, true);
    if (!nextStatus(appointment.status, 'cancel')) throw this.illegal(appointment, 'cancel');
    const now = new Date();
    const late = isLateCancellation(now, appointment.startsAt);
    await manager.update(
      Appointment,
      { id },
      { status: 'cancelled', cancelledAt: now, cancelReason: reason, lateCancellation: late },
    );
    await this.record(manager, actor, appointment, 'cancel', {
      status: 'cancelled',
      details: { reason, late },
    });
    await this.offerFreedSlot(manager, appointment);
    return manager.findOneByOrFail(Appointment, { id });
  }

  async reschedule(actor: Actor, id: string, input: RescheduleDto): Promise<Appointment> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.visibleAppointment(manager, actor, id, true);
      if (!canReschedule(current.status)) {
        throw new ConflictError(
          'appointment.cannot_move',
          `A ${current.status} appointment cannot be moved`,
        );
      }
      const type = await manager.findOneByOrFail(AppointmentType, {
        id: current.appointmentTypeId,
      });
      const location = await this.visibleLocation(manager, actor, current.locationId);
      const therapistId = input.therapistId ?? current.therapistId;
      if (therapistId !== current.therapistId)
        await this.therapistFor(manager, therapistId, current.locationId, type);
      const startsAt = this.startOf(input, location.timeZone);
      const placement: Placement = {
        timeZone: location.timeZone,
        patientId: current.patientId,
        type,
        locationId: current.locationId,
        therapistId,
        startsAt,
        episodeId: current.episodeId,
        seriesId: current.seriesId,
      };
      const fields = await this.checkPlacement(manager, placement, current);
      await manager.update(Appointment, { id }, { therapistId, ...fields });
      await this.record(manager, actor, current, 'reschedule', {
        status: current.status,
        startsAt,
        details: { fromTherapistId: current.therapistId, toTherapistId: therapistId },
      });
      await this.offerFreedSlot(manager, current);
      return manager.findOneByOrFail(Appointment, { id });
    });
  }

  /**
   * Books the slot a waiting patient was offered, if it is still free and the offer open (and,
   * from an email link, still the very slot that email named).
   */
  async acceptWaitlistOffer(
    actor: Actor,
    entryId: string,
    fromEmail?: { offeredStartsAt: Date; request: RequestMetadata },
  ): Promise<{ appointment: Appointment; timeZone: string }> {
    return this.dataSource.transaction(async (manager) => {
      const entry: WaitlistEntry = await this.waitlist.takeOffer(manager, actor, entryId);
      if (fromEmail && entry.offeredStartsAt?.getTime() !== fromEmail.offeredStartsAt.getTime()) {
        throw new ConflictError('waitlist.offer_replaced', 'This offer is no longer open');
      }
      const placement = await this.placementFor(
        manager,
        actor,
        {
          patientId: entry.patientId,
          appointmentTypeId: entry.appointmentTypeId,
          locationId: entry.offeredLocationId!,
          therapistId: entry.offeredTherapistId!,
          startsAt: entry.offeredStartsAt!.toISOString(),
        },
        null,
      );
      const appointment = await this.place(manager, actor, placement);
      if (fromEmail) {
        await this.audit.record(
          {
            actor: fromEmail.request,
            action: 'update',
            entityType: 'waitlist_entry',
            entityId: entryId,
            details: { via: 'patient_email_link', appointmentId: appointment.id },
          },
          manager,
        );
      }
      return { appointment, timeZone: placement.timeZone };
    });
  }

  /**
   * The patient takes an offered slot through the signed link in the offer email. There is no
   * staff session: the booking is made on behalf of the staff member who put the patient on the
   * waiting list, with that member's own role and clinics, and the audit trail records that the
   * patient's link did it.
   */
  async acceptWaitlistOfferFromEmail(
    entryId: string,
    offeredStartsAt: Date,
    request: RequestMetadata,
  ): Promise<{ appointment: Appointment; timeZone: string }> {
    const [creator] = await this.dataSource.query<
      { user_id: string; role: Role; location_ids: string[] }[]
    >(
      `SELECT u.id AS user_id, u.role,
              coalesce(array_agg(ul.location_id) FILTER (WHERE ul.location_id IS NOT NULL), '{}') AS location_ids
         FROM waitlist_entries w
         JOIN users u ON u.id = w.created_by
         LEFT JOIN user_locations ul ON ul.user_id = u.id
        WHERE w.id = $1
        GROUP BY u.id`,
      [entryId],
    );
    if (!creator) throw new NotFoundError('waitlist.not_found', 'This offer no longer exists');
    const onBehalfOf: Actor = {
      userId: creator.user_id,
      role: creator.role,
      locationIds: creator.location_ids,
      requestId: request.requestId,
      clientIp: request.clientIp,
    };
    return this.acceptWaitlistOffer(onBehalfOf, entryId, { offeredStartsAt, request });
  }

  async get(actor: Actor, id: string): Promise<Appointment> {
    const appointment = await this.visibleAppointment(this.dataSource.manager, actor, id);
    await this.audit.record({ actor, action: 'read', entityType: 'appointment', entityId: id });
    return appointment;
  }

  async history(actor: Actor, id: string): Promise<AppointmentEvent[]> {
    await this.visibleAppointment(this.dataSource.manager, actor, id);
    return this.dataSource
      .getRepository(AppointmentEvent)
      .find({ where: { appointmentId: id }, order: { id: 'ASC' } });
  }

  async forPatient(actor: Actor, patientId: string): Promise<Appointment[]> {
    await this.patients.visible(actor, patientId);
    const query = this.dataSource
      .getRepository(Appointment)
      .createQueryBuilder('appointment')
      .where('appointment.patient_id = :patientId', { patientId })
      .orderBy('appointment.starts_at', 'DESC');
    const scope = locationScope(actor);
    if (scope) query.andWhere('appointment.location_id = ANY(:scope)', { scope });
    const appointments = await query.getMany();
    await this.audit.record({
      actor,
      action: 'read',
      entityType: 'patient_appointments',
      entityId: patientId,
    });
    return appointments;
  }

  /** Day or week schedule of a location or a therapist, in the locations the actor sees. */
  async schedule(
    actor: Actor,
    filter: { locationId?: string; therapistId?: string; from: Date; to: Date },
  ): Promise<Appointment[]> {
    if (filter.locationId)
      await this.visibleLocation(this.dataSource.manager, actor, filter.locationId);
    const query = this.dataSource
      .getRepository(Appointment)
      .createQueryBuilder('appointment')
      .where('appointment.starts_at >= :from AND appointment.starts_at < :to', filter)
      .orderBy('appointment.starts_at')
      .addOrderBy('appointment.id');
    if (filter.locationId) query.andWhere('appointment.location_id = :locationId', filter);
    if (filter.therapistId) query.andWhere('appointment.therapist_id = :therapistId', filter);
    const scope = locationScope(actor);
    if (scope) query.andWhere('appointment.location_id = ANY(:scope)', { scope });
    return query.getMany();
  }

  async zoneOf(locationId: string): Promise<string> {
    const [{ time_zone }] = await this.dataSource.query<{ time_zone: string }[]>(
      'SELECT time_zone FROM locations WHERE id = $1',
      [locationId],
    );
    return time_zone;
  }

  private async placementFor(
    manager: EntityManager,
    actor: Actor,
    input: Omit<BookAppointmentDto, 'startsAt'> & StartTimeDto,
    seriesId: string | null,
  ): Promise<NewPlacement> {
    const around = calendarPeriodAround(input);
    const { type, location, therapist, patient, calendar } = await loadBookingContext(
      manager,
      input,
      around,
    );
    if (!type || !type.active) {
      throw new NotFoundError(
        'appointment_type.not_found',
        `No active appointment type ${input.appointmentTypeId}`,
      );
    }
    if (!location || !canAccessLocation(actor, input.locationId)) {
      throw new NotFoundError('location.not_found', `No location ${input.locationId}`);
    }
    this.assertTherapistMay(therapist, input.therapistId, type);
    assertPatientVisible(actor, input.patientId, patient);
    if (patient.archived)
      throw new ConflictError('patient.archived', 'An archived patient cannot be booked');
    if (input.episodeId) {
      const episode = await manager.findOneBy(EpisodeOfCare, {
        id: input.episodeId,
        patientId: input.patientId,
      });
      if (!episode)
        throw new NotFoundError(
          'episode.not_found',
          `No episode ${input.episodeId} for this patient`,
        );
      if (type.treatment) {
        const block = await this.episodes.treatmentBlock(episode.id);
        if (block.blocked) {
          throw new ConflictError(
            'appointment.treatment_blocked',
            `Treatment visits are held: the episode's red-flag screen is ${block.disposition}`,
            [
              {
                field: 'episodeId',
                reason: `red-flag disposition ${block.disposition} blocks treatment`,
              },
            ],
          );
        }
      }
    }
    return {
      timeZone: location.timeZone,
      patientId: input.patientId,
      type,
      locationId: input.locationId,
      therapistId: input.therapistId,
      startsAt: this.startOf(input, location.timeZone),
      episodeId: input.episodeId ?? null,
      seriesId,
      location,
      preloaded: { calendar, covers: around },
    };
  }

  /** Writes a new appointment with its history, audit and outbox rows in one statement. */
  private async place(
    manager: EntityManager,
    actor: Actor,
    placement: NewPlacement,
    { confirm = true } = {},
  ): Promise<Appointment> {
    const id = randomUUID();
    const fields = await this.checkPlacement(manager, placement, null);
    const sessionKey =
      placement.type.groupCapacity > 1
        ? sessionKeyOf(placement.type.id, placement.therapistId, placement.startsAt)
        : id;
    const now = new Date();
    const appointment = manager.create(Appointment, {
      id,
      appointmentTypeId: placement.type.id,
      locationId: placement.locationId,
      therapistId: placement.therapistId,
      patientId: placement.patientId,
      episodeId: placement.episodeId,
      seriesId: placement.seriesId,
      status: 'booked' as const,
      sessionKey,
      createdBy: actor.userId,
      cancelReason: null,
      lateCancellation: null,
      cancelledAt: null,
      createdAt: now,
      updatedAt: now,
      ...fields,
    });
    const { type, location } = placement;
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
            details: { action: 'book' },
          }),
        ],
      },
      {
        table: 'notifications',
        rows: this.outbox.rowsForNewAppointment({
          id,
          patientId: appointment.patientId,
          startsAt: appointment.startsAt,
          timeZone: placement.timeZone,
          type,
          location,
          followUpDays: type.followUpDays,
          confirm,
        }),
      },
    ]);
    return appointment;
  }

  /**
   * Everything availability checks, for one visit: opening and working hours, closures, time
   * off, group seats and room capacity (both counted under a lock). Returns the times and room.
   */
  private async checkPlacement(
    manager: EntityManager,
    placement: Placement,
    moving: Appointment | null,
  ): Promise<
    Pick<Appointment, 'startsAt' | 'endsAt' | 'busyFrom' | 'busyUntil' | 'resourceId'> & {
      sessionKey?: string;
    }
  > {
    const { type, startsAt } = placement;
    const visit = {
      start: startsAt.getTime(),
      end: startsAt.getTime() + type.durationMinutes * MINUTE,
    };
    const busy = {
      start: visit.start - type.bufferBeforeMinutes * MINUTE,
      end: visit.end + type.bufferAfterMinutes * MINUTE,
    };
    if (visit.start < Date.now()) {
      throw new DomainError(
        ErrorKind.Unprocessable,
        'appointment.in_past',
        'The start time has passed',
        [{ field: 'startsAt', reason: 'must be in the future' }],
      );
    }
    // Overlaps with other bookings are the exclusion constraints' to refuse: no need to load them.
    const needed = { start: busy.start - DAY, end: busy.end + DAY };
    const calendar =
      placement.preloaded && contains([placement.preloaded.covers], needed)
        ? placement.preloaded.calendar
        : await Calendar.load(manager, needed, [placement.locationId], [placement.therapistId], {
            bookings: false,
          });
    const zone = calendar.zoneOf(placement.locationId);
    const date = localTimeOf(visit.start, zone).slice(0, 10);
    const closure = calendar.closedOn(placement.locationId, date);
    if (closure) {
      throw new DomainError(
        ErrorKind.Unprocessable,
        'appointment.location_closed',
        `The location is closed on ${date}: ${closure.reason}`,
      );
    }
    if (!contains(calendar.openAt(placement.therapistId, placement.locationId, date), visit)) {
      throw new DomainError(
        ErrorKind.Unprocessable,
        'appointment.outside_hours',
        'The visit is outside the location’s opening hours or the therapist’s working hours there',
      );
    }
    const { timeOff } = calendar.busyOf(placement.therapistId);
    if (timeOff.some((off) => overlaps(off, busy))) {
      throw new ConflictError(
        'appointment.therapist_time_off',
        'The therapist is off at that time',
      );
    }
    const sessionKey =
      type.groupCapacity > 1 ? sessionKeyOf(type.id, placement.therapistId, startsAt) : undefined;
    if (sessionKey) await this.assertSeat(manager, sessionKey, type.groupCapacity, moving?.id);
    const resourceId = type.resourceKind
      ? await this.reserveResource(
          manager,
          placement.locationId,
          type.resourceKind,
          visit,
          moving?.id,
        )
      : null;
    return {
      startsAt,
      endsAt: new Date(visit.end),
      busyFrom: new Date(busy.start),
      busyUntil: new Date(busy.end),
      resourceId,
      ...(moving && sessionKey ? { sessionKey } : {}),
    };
  }

  /** Group sessions: a seat is counted under an advisory lock on the session. */
  private async assertSeat(
    manager: EntityManager,
    sessionKey: string,
    capacity: number,
    excludeId?: string,
  ): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1::text))', [sessionKey]);
    const [{ taken }] = await manager.query<{ taken: number }[]>(
      `SELECT count(*)::int AS taken FROM appointments
        WHERE session_key = $1 AND status = ANY($2) AND id <> COALESCE($3::uuid, '00000000-0000-0000-0000-000000000000')`,
      [sessionKey, ACTIVE_STATUSES, excludeId ?? null],
    );
    if (taken >= capacity) {
      throw new ConflictError(
        'appointment.session_full',
        `The session is full (${capacity} places)`,
      );
    }
  }

  /**
   * Shared rooms: the location's resources of the kind are locked, then the first with a free
   * place during the visit is taken, so two clerks cannot both take the last place.
   */
  private async reserveResource(
    manager: EntityManager,
    locationId: string,
    kind: string,
    visit: { start: number; end: number },
    excludeId?: string,
  ): Promise<string> {
    const resources = await manager
      .getRepository(Resource)
      .createQueryBuilder('resource')
      .setLock('pessimistic_write')
      .where('resource.location_id = :locationId AND resource.kind = :kind', { locationId, kind })
      .orderBy('resource.id')
      .getMany();
    if (resources.length === 0) {
      throw new DomainError(
        ErrorKind.Unprocessable,
        'appointment.no_resource',
        `The location has no ${kind}`,
      );
    }
    const usage = await manager.query<{ resource_id: string; used: number }[]>(
      `SELECT resource_id, count(*)::int AS used FROM appointments
        WHERE resource_id = ANY($1) AND status = ANY($2)
          AND tstzrange(starts_at, ends_at) && tstzrange($3, $4)
          AND id <> COALESCE($5::uuid, '00000000-0000-0000-0000-000000000000')
        GROUP BY resource_id`,
      [
        resources.map((r) => r.id),
        ACTIVE_STATUSES,
        new Date(visit.start),
        new Date(visit.end),
        excludeId ?? null,
      ],
    );
    const used = new Map(usage.map((row) => [row.resource_id, row.used]));
    const free = resources.find((resource) => (used.get(resource.id) ?? 0) < resource.capacity);
    if (!free) {
      throw new ConflictError(
        'appointment.resource_full',
        `Every ${kind} at the location is full at that time`,
      );
    }
    return free.id;
  }

  private startOf(input: StartTimeDto, zone: string): Date {
    if (input.localStart !== undefined) {
      try {
        return instantOf(input.localStart, zone);
      } catch (error) {
        if (error instanceof NonexistentLocalTimeError) {
          throw new InputError('appointment.nonexistent_local_time', error.message, [
            { field: 'localStart', reason: error.message },
          ]);
        }
        throw new InputError('appointment.invalid_local_time', (error as Error).message, [
          { field: 'localStart', reason: (error as Error).message },
        ]);
      }
    }
    if (input.startsAt === undefined) {
      throw new InputError('appointment.start_missing', 'Give startsAt or localStart', [
        { field: 'startsAt', reason: 'give startsAt or localStart' },
      ]);
    }
    return new Date(input.startsAt);
  }

  private async visibleLocation(manager: EntityManager, actor: Actor, locationId: string) {
    const [location] = await manager.query<{ id: string; time_zone: string }[]>(
      'SELECT id, time_zone FROM locations WHERE id = $1',
      [locationId],
    );
    if (!location || !canAccessLocation(actor, locationId)) {
      throw new NotFoundError('location.not_found', `No location ${locationId}`);
    }
    return { id: location.id, timeZone: location.time_zone };
  }

  private async therapistFor(
    manager: EntityManager,
    therapistId: string,
    locationId: string,
    type: AppointmentType,
  ) {
    const [therapist] = await manager.query<TherapistFacts[]>(
      `SELECT u.active, p.credential,
              EXISTS (SELECT 1 FROM user_locations ul WHERE ul.user_id = u.id AND ul.location_id = $2) AS "atLocation"
         FROM users u LEFT JOIN therapist_profiles p ON p.user_id = u.id
        WHERE u.id = $1 AND u.role = 'therapist'`,
      [therapistId, locationId],
    );
    this.assertTherapistMay(therapist ?? null, therapistId, type);
  }

  private assertTherapistMay(
    therapist: TherapistFacts | null,
    therapistId: string,
    type: AppointmentType,
  ): void {
    if (!therapist || !therapist.active) {
      throw new NotFoundError('therapist.not_found', `No therapist ${therapistId}`);
    }
    if (!therapist.atLocation) {
      throw new DomainError(
        ErrorKind.Unprocessable,
        'appointment.therapist_not_at_location',
        'The therapist does not work at that location',
        [{ field: 'therapistId', reason: 'not assigned to the location' }],
      );
    }
    if (!therapist.credential || !type.allowedCredentials.includes(therapist.credential)) {
      throw new DomainError(
        ErrorKind.Unprocessable,
        'appointment.credential_not_allowed',
        `${type.name} is delivered by ${type.allowedCredentials.join(' or ')}; the therapist is ${therapist.credential ?? 'without a credential on file'}`,
        [{ field: 'therapistId', reason: `needs ${type.allowedCredentials.join(' or ')}` }],
      );
    }
  }

  /** A slot that a cancellation or move frees goes to the first waiting patient it fits. */
  private async offerFreedSlot(manager: EntityManager, freed: Appointment): Promise<void> {
    if (freed.startsAt.getTime() <= Date.now()) return;
    const [{ time_zone: timeZone }] = await manager.query<{ time_zone: string }[]>(
      'SELECT time_zone FROM locations WHERE id = $1',
      [freed.locationId],
    );
    await this.waitlist.offer(manager, {
      appointmentTypeId: freed.appointmentTypeId,
      locationId: freed.locationId,
      therapistId: freed.therapistId,
      startsAt: freed.startsAt,
      endsAt: freed.endsAt,
      timeZone,
    });
  }

  private async visibleAppointment(
    manager: EntityManager,
    actor: Actor,
    id: string,
    forUpdate = false,
  ) {
    const appointment = await manager.findOne(Appointment, {
      where: { id },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!appointment || !canAccessLocation(actor, appointment.locationId)) {
      throw new NotFoundError('appointment.not_found', `No appointment ${id}`);
    }
    return appointment;
  }

  private illegal(appointment: Appointment, action: AppointmentAction): ConflictError {
    return new ConflictError(
      'appointment.illegal_transition',
      `A ${appointment.status.replace('_', ' ')} appointment cannot be ${ACTION_PAST[action]}`,
    );
  }

  /** The history, audit and outbox rows of a change to an existing appointment. */
  private async record(
    manager: EntityManager,
    actor: Actor,
    before: Appointment,
    action: AppointmentAction | 'reschedule',
    after: {
      status: string;
      startsAt?: Date;
      details?: Record<string, string | number | boolean | null>;
    },
  ): Promise<void> {
    await manager.insert(AppointmentEvent, {
      appointmentId: before.id,
      actorUserId: actor.userId,
      action,
      fromStatus: before.status,
      toStatus: after.status,
      fromStartsAt: before.startsAt,
      toStartsAt: after.startsAt ?? before.startsAt,
      details: after.details ?? {},
    });
    await this.audit.record(
      {
        actor,
        action: 'update',
        entityType: 'appointment',
        entityId: before.id,
        details: { action },
      },
      manager,
    );
    await this.outbox.syncAppointment(manager, before.id);
  }
}

const ACTION_PAST: Record<AppointmentAction, string> = {
  confirm: 'confirmed',
  check_in: 'checked in',
  complete: 'completed',
  cancel: 'cancelled',
  no_show: 'marked a no-show',
};

/** Namespace of group-session ids (UUID v5), so every participant computes the same one. */
const SESSION_NAMESPACE = '5b0c6c1e-3f0a-4c55-9d53-3d2a3f7e9b21';

export function sessionKeyOf(typeId: string, therapistId: string, startsAt: Date): string {
  return uuidv5(`${typeId}|${therapistId}|${startsAt.toISOString()}`, SESSION_NAMESPACE);
}

/** Some occurrences of a series conflict and the caller asked to book none (or none were free). */
export class SeriesConflictError extends DomainError {
  constructor(readonly outcomes: OccurrenceOutcome[]) {
    super(
      ErrorKind.Conflict,
      'series.conflicts',
      `${outcomes.filter((o) => o.conflict).length} of ${outcomes.length} occurrences conflict; nothing was booked`,
      outcomes
        .filter((outcome) => outcome.conflict)
        .map((outcome) => ({
          field: `occurrences[${outcomes.indexOf(outcome)}]`,
          reason: `${outcome.occurrence.localStart}: ${outcome.conflict!.message}`,
        })),
    );
  }
}
