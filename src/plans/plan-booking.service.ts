import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addCalendarDays } from '../direct-access/rules/day-count';
import { DomainError } from '../common/errors/domain-error';
import { domainError } from '../common/errors/error-catalogue';
import type { Actor } from '../kernel/actor';
import { appointmentTypeIdSql } from '../scheduling/appointment-facts.sql';
import { BookingService } from '../scheduling/booking.service';
import { SchedulingErrors } from '../scheduling/scheduling.errors';
import { therapistsAtLocationSql } from '../staff/therapist-facts.sql';
import type { BookPlanDto, PlanBookingDto } from './dto/plan-booking.dto';
import { currentRevision, HELD, localDate, medicareOf, type PlanCase, todayIn } from './plan-case';
import { PlansService } from './plans.service';
import { PlansErrors } from './plans.errors';
import { planSeries, seriesRule } from './rules/plan-booking';
import { prescribedVisits } from './rules/plan-content';

/**
 * "Book this plan": the recurring series for the plan's frequency and duration, through
 * scheduling's series, with Medicare's progress visits in their place. With no therapist named,
 * each therapist at the clinic is tried in turn for the whole series; the first who is free for
 * every visit takes it, else the first books what is free.
 */
@Injectable()
export class PlanBookingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: PlansService,
    private readonly booking: BookingService,
  ) {}

  async book(actor: Actor, planId: string, input: BookPlanDto): Promise<PlanBookingDto> {
    const plan = await this.plans.visible(actor, planId, this.dataSource.manager);
    if (plan.status !== 'active') {
      throw domainError(PlansErrors.transitionNotAllowed, `A ${plan.status} plan is not booked`);
    }
    const series = this.seriesOf(plan, input);
    if (series.dates.length === 0) {
      return { seriesId: null, therapistId: null, stoppedBy: series.stoppedBy, visits: [] };
    }
    const [{ progress, therapists }] = await this.dataSource.query<
      { progress: string | null; therapists: string[] }[]
    >(
      `SELECT ${appointmentTypeIdSql(`'progress_visit'`)} AS progress, ${therapistsAtLocationSql('$1::uuid')} AS therapists`,
      [plan.episode.locationId],
    );
    const candidates = input.therapistId ? [input.therapistId] : therapists;
    const request = (therapistId: string, onConflict: 'book_available' | 'book_none') =>
      this.booking.bookSeries(
        actor,
        {
          patientId: plan.episode.patientId,
          episodeId: plan.episode.id,
          appointmentTypeId: input.appointmentTypeId,
          locationId: plan.episode.locationId,
          therapistId,
          localStart: `${series.dates[0]}T${input.time}`,
          rrule: seriesRule(input.weekdays, series.dates.length),
          onConflict,
        },
        progress && series.progressVisits.length > 0
          ? { appointmentTypeId: progress, occurrences: series.progressVisits }
          : null,
      );
    let booked: Awaited<ReturnType<typeof request>> | null = null;
    let therapistId = candidates[0];
    for (const candidate of candidates.length > 1 ? candidates : []) {
      booked = await request(candidate, 'book_none').catch((error: unknown) => {
        if (error instanceof DomainError && error.code === SchedulingErrors.seriesConflicts)
          return null;
        throw error;
      });
      if (booked) {
        therapistId = candidate;
        break;
      }
    }
    booked ??= await request(therapistId, 'book_available');
    return {
      seriesId: booked.series?.id ?? null,
      therapistId,
      stoppedBy: series.stoppedBy,
      visits: booked.outcomes.map((outcome, index) => ({
        localStart: outcome.occurrence.localStart,
        appointmentId: outcome.appointment?.id ?? null,
        progressVisit: series.progressVisits.includes(index),
        conflict: outcome.conflict?.message ?? null,
      })),
    };
  }

  private seriesOf(plan: PlanCase, input: BookPlanDto) {
    const zone = plan.timeZone;
    const today = todayIn(zone);
    const revision = currentRevision(plan);
    const from = [input.from ?? addCalendarDays(today, 1), revision.startDate].sort().at(-1)!;
    const heldInPlan = plan.visits
      .filter((visit) => visit.treatment && HELD.includes(visit.status))
      .map((visit) => localDate(visit.startsAt, zone))
      .filter((day) => revision.startDate <= day && day <= revision.endDate);
    const medicare = medicareOf(plan, today);
    const bookedAhead = new Set(heldInPlan.filter((day) => day > today)).size;
    return planSeries({
      from,
      planEnd: revision.endDate,
      certifiedThrough: medicare
        ? medicare.certification.certifiedOn
          ? medicare.recertification.dueBy
          : medicare.certification.dueBy
        : null,
      weekdays: input.weekdays,
      prescribedLeft: prescribedVisits(revision.content) - heldInPlan.length,
      authorisedLeft:
        revision.visitsAuthorised === null ? null : revision.visitsAuthorised - heldInPlan.length,
      treatmentDaysSinceReport: medicare
        ? medicare.progressReport.treatmentDaysSinceLast + bookedAhead
        : null,
    });
  }
}
