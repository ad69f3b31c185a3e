import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../config/app-config';
import type { DomainError } from '../common/errors/domain-error';
import { domainError } from '../common/errors/error-catalogue';
import type { Actor } from '../kernel/actor';
import { LocationsService } from '../locations/locations.service';
import { AppointmentListeners } from './appointment-listener.port';
import type { PolicyFinding } from './booking-policy.port';
import { visibleAppointment } from './appointment-lookup';
import type { RescheduleDto } from './dto/appointment.dto';
import { Appointment, AppointmentEvent } from './entities/appointment.entity';
import { calendarPeriodAround, PlacementService, startOf } from './placement.service';
import { assertEligibleFor } from './therapist-eligibility';
import {
  type AppointmentAction,
  canMarkNoShow,
  checkInOpensAt,
  checkInTiming,
  canReschedule,
  isLateCancellation,
  nextStatus,
} from './rules/lifecycle';
import { localTimeOf } from './rules/wall-clock';
import { SchedulingErrors } from './scheduling.errors';
import { WaitlistService } from './waitlist.service';

/** Changes to booked appointments: confirm, check in, complete, no-show, cancel, move. */
@Injectable()
export class AppointmentChangesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly placements: PlacementService,
    private readonly waitlist: WaitlistService,
    private readonly listeners: AppointmentListeners,
    private readonly audit: AuditService,
    private readonly locations: LocationsService,
    private readonly config: AppConfig,
  ) {}

  async transition(
    actor: Actor,
    id: string,
    action: Exclude<AppointmentAction, 'cancel'>,
  ): Promise<Appointment> {
    return this.dataSource.transaction(async (manager) => {
      const appointment = await visibleAppointment(manager, actor, id, true);
      const next = nextStatus(appointment.status, action);
      if (!next) throw illegal(appointment, action);
      if (action === 'no_show' && !canMarkNoShow(new Date(), appointment.startsAt)) {
        throw domainError(
          SchedulingErrors.notStarted,
          'A no-show is recorded once the appointment has started',
        );
      }
      if (action === 'check_in') await this.assertCheckInOpen(manager, appointment);
      await manager.update(Appointment, { id }, { status: next });
      await this.recordChange(manager, actor, appointment, action, { status: next });
      return manager.findOneByOrFail(Appointment, { id });
    });
  }

  async cancel(actor: Actor, id: string, reason: string): Promise<Appointment> {
    return this.dataSource.transaction((manager) => this.cancelIn(manager, actor, id, reason));
  }

  /** Cancels an occurrence and every later one of its series, all or none. */
  async cancelFollowing(actor: Actor, id: string, reason: string): Promise<Appointment[]> {
    return this.dataSource.transaction(async (manager) => {
      const first = await visibleAppointment(manager, actor, id);
      if (!first.seriesId) {
        throw domainError(SchedulingErrors.notInSeries, 'The appointment is not part of a series');
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
    const appointment = await visibleAppointment(manager, actor, id, true);
    if (!nextStatus(appointment.status, 'cancel')) throw illegal(appointment, 'cancel');
    const now = new Date();
    const late = isLateCancellation(now, appointment.startsAt);
    await manager.update(
      Appointment,
      { id },
      { status: 'cancelled', cancelledAt: now, cancelReason: reason, lateCancellation: late },
    );
    await this.recordChange(manager, actor, appointment, 'cancel', {
      status: 'cancelled',
      details: { reason, late },
    });
    await this.offerFreedSlot(manager, appointment);
    return manager.findOneByOrFail(Appointment, { id });
  }

  /**
   * Moves a visit to another time or therapist. The booking read is the same as for a new
   * visit, so the move is checked by the same rules and policies; the therapist's eligibility
   * is checked when the therapist changes.
   */
  async reschedule(
    actor: Actor,
    id: string,
    input: RescheduleDto,
  ): Promise<{ appointment: Appointment; warnings: PolicyFinding[] }> {
    return this.dataSource.transaction(async (manager) => {
      const current = await visibleAppointment(manager, actor, id, true);
      if (!canReschedule(current.status)) {
        throw domainError(
          SchedulingErrors.cannotMove,
          `A ${current.status} appointment cannot be moved`,
        );
      }
      const therapistId = input.therapistId ?? current.therapistId;
      const around = calendarPeriodAround(input);
      const facts = await this.placements.read(
        manager,
        {
          appointmentTypeId: current.appointmentTypeId,
          locationId: current.locationId,
          therapistId,
          patientId: current.patientId,
          episodeId: current.episodeId,
        },
        around,
      );
      const { type, location } = facts;
      if (!type || !location) {
        throw new Error(`appointment ${id} refers to a type or location that no longer exists`);
      }
      if (therapistId !== current.therapistId) {
        await assertEligibleFor(manager, actor, facts.therapist, therapistId, type, location);
      }
      const startsAt = startOf(input, location.timeZone);
      const { warnings, ...fields } = await this.placements.check(
        manager,
        {
          kind: 'move',
          actor,
          timeZone: location.timeZone,
          patientId: current.patientId,
          type,
          locationId: current.locationId,
          therapistId,
          startsAt,
          episodeId: current.episodeId,
          seriesId: current.seriesId,
          override: input.gateOverrideReason ? { reason: input.gateOverrideReason } : null,
          policyFacts: facts.policyFacts,
          preloaded: { calendar: facts.calendar, covers: around },
        },
        current,
      );
      await manager.update(Appointment, { id }, { therapistId, ...fields });
      await this.recordChange(manager, actor, current, 'reschedule', {
        status: current.status,
        startsAt,
        details: {
          fromTherapistId: current.therapistId,
          toTherapistId: therapistId,
          ...(input.gateOverrideReason && warnings.length > 0
            ? {
                overrideReason: input.gateOverrideReason,
                warnings: warnings.map((w) => w.code).join(','),
              }
            : {}),
        },
      });
      await this.offerFreedSlot(manager, current);
      return { appointment: await manager.findOneByOrFail(Appointment, { id }), warnings };
    });
  }

  /**
   * Puts a visit in an episode of care, moves it to another, or (null) takes it out: the first
   * visit joins the episode opened at it. The booking policies judge the visit in its new
   * episode as they would a booking (the patient's own episode, no red-flag hold on treatment).
   */
  async changeEpisode(
    actor: Actor,
    id: string,
    episodeId: string | null,
  ): Promise<{ appointment: Appointment; warnings: PolicyFinding[] }> {
    return this.dataSource.transaction(async (manager) => {
      const current = await visibleAppointment(manager, actor, id, true);
      if (current.episodeId === episodeId) return { appointment: current, warnings: [] };
      let warnings: PolicyFinding[] = [];
      if (episodeId !== null) {
        const around = calendarPeriodAround({ startsAt: current.startsAt.toISOString() });
        const facts = await this.placements.read(
          manager,
          {
            appointmentTypeId: current.appointmentTypeId,
            locationId: current.locationId,
            therapistId: current.therapistId,
            patientId: current.patientId,
            episodeId,
          },
          around,
        );
        if (!facts.type || !facts.location) {
          throw new Error(`appointment ${id} refers to a type or location that no longer exists`);
        }
        warnings = this.placements.checkPolicies(
          {
            kind: 'move',
            actor,
            timeZone: facts.location.timeZone,
            patientId: current.patientId,
            type: facts.type,
            locationId: current.locationId,
            therapistId: current.therapistId,
            startsAt: current.startsAt,
            episodeId,
            seriesId: current.seriesId,
            policyFacts: facts.policyFacts,
          },
          current,
        );
      }
      await manager.update(Appointment, { id }, { episodeId });
      await manager.insert(AppointmentEvent, {
        appointmentId: id,
        actorUserId: actor.userId,
        action: 'change_episode',
        fromStatus: current.status,
        toStatus: current.status,
        fromStartsAt: current.startsAt,
        toStartsAt: current.startsAt,
        details: { fromEpisodeId: current.episodeId, toEpisodeId: episodeId },
      });
      await this.audit.record(
        {
          actor,
          action: 'update',
          entityType: 'appointment',
          entityId: id,
          details: { action: 'change_episode' },
        },
        manager,
      );
      return { appointment: await manager.findOneByOrFail(Appointment, { id }), warnings };
    });
  }

  /** Check-in is open from the configured time before the start until the visit's end. */
  private async assertCheckInOpen(manager: EntityManager, appointment: Appointment) {
    const minutes = this.config.scheduling.checkInOpensMinutesBefore;
    const timing = checkInTiming(new Date(), appointment, minutes);
    if (timing === null) return;
    const zones = await this.locations.zonesOf([appointment.locationId], manager);
    const zone = zones.get(appointment.locationId)!;
    if (timing === 'early') {
      const opens = localTimeOf(checkInOpensAt(appointment.startsAt, minutes), zone);
      throw domainError(
        SchedulingErrors.checkInTooEarly,
        `Check-in opens ${minutes} minutes before the start, at ${opens.replace('T', ' ')} (${zone})`,
      );
    }
    throw domainError(
      SchedulingErrors.checkInTooLate,
      `The visit ended at ${localTimeOf(appointment.endsAt, zone).replace('T', ' ')} (${zone}); record a no-show instead`,
    );
  }

  /** A slot that a cancellation or move frees goes to the first waiting patient it fits. */
  private async offerFreedSlot(manager: EntityManager, freed: Appointment): Promise<void> {
    if (freed.startsAt.getTime() <= Date.now()) return;
    const zones = await this.locations.zonesOf([freed.locationId], manager);
    await this.waitlist.offer(manager, {
      timeZone: zones.get(freed.locationId)!,
      appointmentTypeId: freed.appointmentTypeId,
      locationId: freed.locationId,
      therapistId: freed.therapistId,
      startsAt: freed.startsAt,
      endsAt: freed.endsAt,
    });
  }

  /** The history, audit and listeners' rows of a change to an existing appointment. */
  private async recordChange(
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
    await this.listeners.appointmentChanged(manager, before.id, {
      locationId: before.locationId,
      therapistId: before.therapistId,
      startsAt: before.startsAt,
    });
  }
}

const ACTION_PAST: Record<AppointmentAction, string> = {
  confirm: 'confirmed',
  check_in: 'checked in',
  complete: 'completed',
  cancel: 'cancelled',
  no_show: 'marked a no-show',
};

function illegal(appointment: Appointment, action: AppointmentAction): DomainError {
  return domainError(
    SchedulingErrors.illegalTransition,
    `A ${appointment.status.replace('_', ' ')} appointment cannot be ${ACTION_PAST[action]}`,
  );
}
