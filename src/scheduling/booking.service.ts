import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { DomainError, ErrorKind, InputError } from '../common/errors/domain-error';
import { domainError } from '../common/errors/error-catalogue';
import { domainErrorFromPostgres } from '../common/errors/postgres-errors';
import type { Actor } from '../kernel/actor';
import type { RequestMetadata } from '../kernel/decorators';
import { LocationsService } from '../locations/locations.service';
import type { PolicyFinding } from './booking-policy.port';
import type { BookAppointmentDto, SeriesDto } from './dto/appointment.dto';
import { Appointment, AppointmentSeries } from './entities/appointment.entity';
import { placesAreCounted } from './places';
import { PlacementService, PolicyRefusal } from './placement.service';
import { expandSeries, type Occurrence } from './rules/series';
import { SchedulingErrors } from './scheduling.errors';
import { WaitlistService } from './waitlist.service';

export interface OccurrenceOutcome {
  occurrence: Occurrence;
  appointment: Appointment | null;
  conflict: DomainError | null;
}

export interface Booked {
  appointment: Appointment;
  timeZone: string;
  warnings: PolicyFinding[];
}

/** New appointments: one visit, a series, a waiting patient's offered slot. */
@Injectable()
export class BookingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly placements: PlacementService,
    private readonly locations: LocationsService,
    private readonly waitlist: WaitlistService,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
  ) {}

  /**
   * Books one visit. A visit that needs no shared room or group seat is checked from one read
   * and written in one statement, which is atomic on its own; overlaps are the exclusion
   * constraints' to refuse. Rooms and group seats are counted under locks, in a transaction.
   */
  async book(actor: Actor, input: BookAppointmentDto): Promise<Booked> {
    const placement = await this.placements.placementFor(
      this.dataSource.manager,
      actor,
      input,
      'book',
      null,
    );
    const { appointment, warnings } = placesAreCounted(placement.type)
      ? await this.dataSource.transaction((manager) => this.placements.write(manager, placement))
      : await this.placements.write(this.dataSource.manager, placement);
    return { appointment, timeZone: placement.timeZone, warnings };
  }

  /**
   * Books a series. `variant`: occurrences (by index) booked as another appointment type, such as
   * the progress visits of a plan of care's series.
   */
  async bookSeries(
    actor: Actor,
    input: SeriesDto,
    variant: { appointmentTypeId: string; occurrences: readonly number[] } | null = null,
  ): Promise<{ series: AppointmentSeries | null; outcomes: OccurrenceOutcome[] }> {
    const timeZone = await this.locations.visibleZone(actor, input.locationId);
    let occurrences: Occurrence[];
    try {
      occurrences = expandSeries(input.rrule, input.localStart, timeZone);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      throw new InputError(SchedulingErrors.seriesInvalidRule, error.message, [
        { field: 'rrule', reason: error.message },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      const series = await manager.save(AppointmentSeries, {
        rrule: input.rrule,
        localStart: input.localStart,
        createdBy: actor.userId,
      });
      const base = await this.placements.placementFor(
        manager,
        actor,
        input,
        'series_occurrence',
        series.id,
      );
      const varied = variant
        ? await this.placements.placementFor(
            manager,
            actor,
            { ...input, appointmentTypeId: variant.appointmentTypeId },
            'series_occurrence',
            series.id,
          )
        : null;
      const outcomes: OccurrenceOutcome[] = [];
      const placed: Date[] = [];
      for (const [index, occurrence] of occurrences.entries()) {
        if (!occurrence.startsAt) {
          outcomes.push({
            occurrence,
            appointment: null,
            conflict: domainError(
              SchedulingErrors.nonexistentLocalTime,
              `${occurrence.localStart} does not exist in ${timeZone}`,
            ),
          });
          continue;
        }
        // Each occurrence in its own savepoint: one conflict must not undo the others.
        await manager.query('SAVEPOINT occurrence');
        try {
          // One confirmation for the series, on its first booked visit, listing them all.
          const { appointment } = await this.placements.write(
            manager,
            {
              ...(varied && variant?.occurrences.includes(index) ? varied : base),
              startsAt: occurrence.startsAt,
              placedInRequest: [...placed],
            },
            { confirm: outcomes.every((outcome) => !outcome.appointment) },
          );
          await manager.query('RELEASE SAVEPOINT occurrence');
          placed.push(appointment.startsAt);
          outcomes.push({ occurrence, appointment, conflict: null });
        } catch (error) {
          await manager.query('ROLLBACK TO SAVEPOINT occurrence');
          const conflict = error instanceof DomainError ? error : domainErrorFromPostgres(error);
          if (!conflict) throw error;
          outcomes.push({ occurrence, appointment: null, conflict });
        }
      }
      const refusal = refusalOfWholeSeries(outcomes);
      if (refusal) throw refusal;
      const conflicts = outcomes.filter((outcome) => outcome.conflict);
      if (conflicts.length > 0 && input.onConflict === 'book_none') {
        throw new SeriesConflictError(outcomes);
      }
      if (outcomes.every((outcome) => outcome.conflict)) throw new SeriesConflictError(outcomes);
      return { series, outcomes };
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
  ): Promise<Booked> {
    return this.dataSource.transaction(async (manager) => {
      const entry = await this.waitlist.takeOffer(manager, actor, entryId);
      if (fromEmail && entry.offeredStartsAt?.getTime() !== fromEmail.offeredStartsAt.getTime()) {
        throw domainError(SchedulingErrors.waitlistOfferReplaced, 'This offer is no longer open');
      }
      const placement = await this.placements.placementFor(
        manager,
        actor,
        {
          patientId: entry.patientId,
          appointmentTypeId: entry.appointmentTypeId,
          locationId: entry.offeredLocationId!,
          therapistId: entry.offeredTherapistId!,
          startsAt: entry.offeredStartsAt!.toISOString(),
        },
        'waitlist_offer',
        null,
      );
      const { appointment, warnings } = await this.placements.write(manager, placement);
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
      return { appointment, timeZone: placement.timeZone, warnings };
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
  ): Promise<Booked> {
    const creatorId = await this.waitlist.creatorOf(entryId);
    const onBehalfOf = creatorId && (await this.auth.actorOnBehalfOf(creatorId, request));
    if (!onBehalfOf) {
      throw domainError(SchedulingErrors.waitlistNotFound, 'This offer no longer exists');
    }
    return this.acceptWaitlistOffer(onBehalfOf, entryId, { offeredStartsAt, request });
  }
}

/**
 * A policy that refused every occurrence the same way (an episode held for red flags, or not the
 * patient's) refuses the series itself: the answer is its code, not a conflict per visit.
 */
function refusalOfWholeSeries(outcomes: OccurrenceOutcome[]): PolicyRefusal | null {
  const placed = outcomes.filter((outcome) => outcome.occurrence.startsAt);
  const first = placed[0]?.conflict;
  if (!(first instanceof PolicyRefusal)) return null;
  const alike = placed.every(
    ({ conflict }) => conflict instanceof PolicyRefusal && conflict.code === first.code,
  );
  return alike ? first : null;
}

/** Some occurrences of a series conflict and the caller asked to book none (or none were free). */
export class SeriesConflictError extends DomainError {
  constructor(readonly outcomes: OccurrenceOutcome[]) {
    super(
      ErrorKind.Conflict,
      SchedulingErrors.seriesConflicts,
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
