import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../kernel/actor';
import { CurrentActor, Roles } from '../kernel/decorators';
import { Role } from '../kernel/role';
import { ApiAuthenticated } from '../common/api-errors.decorator';
import { domainError } from '../common/errors/error-catalogue';
import { SchedulingErrors } from './scheduling.errors';
import { UuidParam } from '../common/uuid-param.pipe';
import { AppointmentChangesService } from './appointment-changes.service';
import { AppointmentViewsService } from './appointment-views.service';
import { BookingService } from './booking.service';
import { WaitlistEntryDto, WaitlistDto, WaitlistQuery } from './dto/waitlist.dto';
import { WaitlistService } from './waitlist.service';
import { AvailabilityService } from './availability.service';
import {
  AppointmentEpisodeDto,
  BookAppointmentDto,
  CancelDto,
  RescheduleDto,
  SeriesDto,
} from './dto/appointment.dto';
import {
  AppointmentDto,
  AppointmentEventDto,
  PolicyWarningDto,
  SeriesResultDto,
} from './dto/appointment-view.dto';
import { AppointmentSearchQuery } from './dto/appointment-search.dto';
import { AvailabilityQueryDto, AvailableSlotDto, ScheduleQueryDto } from './dto/query.dto';
import { ApiPageResponse, Page } from '../common/pagination/page';
import type { Appointment } from './entities/appointment.entity';

@ApiTags('scheduling')
@Controller()
export class SchedulingController {
  constructor(
    private readonly availability: AvailabilityService,
    private readonly booking: BookingService,
    private readonly changes: AppointmentChangesService,
    private readonly views: AppointmentViewsService,
    private readonly waitlist: WaitlistService,
  ) {}

  /** Appointments as the front desk sees them: names, and times in their clinics' zones. */
  private async toDtos(
    actor: Actor,
    appointments: readonly Appointment[],
  ): Promise<AppointmentDto[]> {
    const labelled = await this.views.present(
      actor,
      appointments.map((appointment) => appointment.id),
    );
    return labelled.map((row) => AppointmentDto.from(row));
  }

  private async toDto(actor: Actor, appointment: Appointment): Promise<AppointmentDto> {
    return (await this.toDtos(actor, [appointment]))[0];
  }

  private async bookedDto(
    actor: Actor,
    appointment: Appointment,
    warnings: readonly PolicyWarningDto[],
  ): Promise<AppointmentDto> {
    const [labelled] = await this.views.present(actor, [appointment.id]);
    return AppointmentDto.booked(labelled, warnings);
  }

  @Get('availability')
  @ApiOperation({
    summary: 'Bookable slots of an appointment type over a date range, earliest first, paged',
  })
  @ApiPageResponse(AvailableSlotDto, 'One page of slots; total counts all of them')
  @ApiAuthenticated(404)
  async find(
    @CurrentActor() actor: Actor,
    @Query() query: AvailabilityQueryDto,
  ): Promise<Page<AvailableSlotDto>> {
    const { slots, total } = await this.availability.find(actor, {
      ...query,
      locationIds: query.locationId,
    });
    return Page.of(
      slots.map((slot) => ({
        ...slot,
        startsAt: slot.startsAt.toISOString(),
        endsAt: slot.endsAt.toISOString(),
      })),
      total,
      query,
    );
  }

  @Post('appointments')
  @Roles(Role.FrontDesk, Role.Therapist, Role.Admin)
  @ApiOperation({
    summary: 'Book an appointment (checked like availability, atomic, no double booking)',
  })
  @ApiCreatedResponse({
    type: AppointmentDto,
    description: 'The appointment, booked, with any policy warnings',
  })
  @ApiAuthenticated(404, 409, 422)
  async book(
    @CurrentActor() actor: Actor,
    @Body() body: BookAppointmentDto,
  ): Promise<AppointmentDto> {
    const { appointment, warnings } = await this.booking.book(actor, body);
    return this.bookedDto(actor, appointment, warnings);
  }

  @Post('appointment-series')
  @ApiOperation({
    summary: 'Book recurring visits from an RRULE; conflicts are reported per occurrence',
  })
  @ApiCreatedResponse({
    type: SeriesResultDto,
    description: 'What was booked, and each occurrence’s outcome',
  })
  @ApiAuthenticated(404, 409, 422)
  async series(@CurrentActor() actor: Actor, @Body() body: SeriesDto): Promise<SeriesResultDto> {
    const { series, outcomes } = await this.booking.bookSeries(actor, body);
    return {
      seriesId: series?.id ?? null,
      booked: outcomes.filter((o) => o.appointment).length,
      conflicts: outcomes.filter((o) => o.conflict).length,
      occurrences: outcomes.map((o) => ({
        localStart: o.occurrence.localStart,
        startsAt: o.occurrence.startsAt?.toISOString() ?? null,
        outcome: o.appointment ? 'booked' : 'conflict',
        appointmentId: o.appointment?.id ?? null,
        conflict: o.conflict ? { code: o.conflict.code, detail: o.conflict.message } : null,
      })),
    };
  }

  @Get('appointments')
  @ApiOperation({
    summary:
      'Search appointments by location, therapist, patient, type, status and local dates, paged',
  })
  @ApiPageResponse(AppointmentDto, 'One page of appointments, by start; total counts all of them')
  @ApiAuthenticated(404)
  async search(
    @CurrentActor() actor: Actor,
    @Query() query: AppointmentSearchQuery,
  ): Promise<Page<AppointmentDto>> {
    const { items, total } = await this.views.search(actor, query);
    return Page.of(
      items.map((row) => AppointmentDto.from(row)),
      total,
      query,
    );
  }

  @Get('appointments/:id')
  @ApiOperation({ summary: 'One appointment' })
  @ApiOkResponse({ type: AppointmentDto, description: 'The appointment' })
  @ApiAuthenticated(404)
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
  ): Promise<AppointmentDto> {
    return AppointmentDto.from(await this.views.get(actor, id));
  }

  @Get('appointments/:id/history')
  @ApiOperation({ summary: 'Every change of an appointment: booking, moves, status changes' })
  @ApiOkResponse({ type: [AppointmentEventDto], description: 'The changes, oldest first' })
  @ApiAuthenticated(404)
  async history(@CurrentActor() actor: Actor, @Param('id', UuidParam()) id: string) {
    return (await this.views.history(actor, id)).map((event) => ({
      action: event.action,
      occurredAt: event.occurredAt.toISOString(),
      actorUserId: event.actorUserId,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      fromStartsAt: event.fromStartsAt?.toISOString() ?? null,
      toStartsAt: event.toStartsAt.toISOString(),
      details: event.details,
    }));
  }

  @Post('appointments/:id/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm a booked appointment' })
  @ApiOkResponse({ type: AppointmentDto, description: 'The appointment, confirmed' })
  @ApiAuthenticated(404, 409)
  async confirm(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
  ): Promise<AppointmentDto> {
    return this.toDto(actor, await this.changes.transition(actor, id, 'confirm'));
  }

  @Post('appointments/:id/check-in')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Check the patient in: from 60 minutes (CHECK_IN_OPENS_MINUTES_BEFORE) before the start until its end',
  })
  @ApiOkResponse({ type: AppointmentDto, description: 'The appointment, checked in' })
  @ApiAuthenticated(404, 409)
  async checkIn(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
  ): Promise<AppointmentDto> {
    return this.toDto(actor, await this.changes.transition(actor, id, 'check_in'));
  }

  @Post('appointments/:id/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Complete a checked-in visit' })
  @ApiOkResponse({ type: AppointmentDto, description: 'The appointment, completed' })
  @ApiAuthenticated(404, 409)
  async complete(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
  ): Promise<AppointmentDto> {
    return this.toDto(actor, await this.changes.transition(actor, id, 'complete'));
  }

  @Post('appointments/:id/no-show')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record that the patient did not come' })
  @ApiOkResponse({ type: AppointmentDto, description: 'The appointment, marked no-show' })
  @ApiAuthenticated(404, 409)
  async noShow(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
  ): Promise<AppointmentDto> {
    return this.toDto(actor, await this.changes.transition(actor, id, 'no_show'));
  }

  @Post('appointments/:id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel with a reason; under 24 h before the start it is flagged late' })
  @ApiOkResponse({ type: AppointmentDto, description: 'The appointment, cancelled' })
  @ApiAuthenticated(404, 409)
  async cancel(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: CancelDto,
  ): Promise<AppointmentDto> {
    return this.toDto(actor, await this.changes.cancel(actor, id, body.reason));
  }

  @Post('appointments/:id/cancel-following')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel this occurrence of a series and every later one' })
  @ApiOkResponse({ type: [AppointmentDto], description: 'The appointments cancelled, in order' })
  @ApiAuthenticated(404, 409)
  async cancelFollowing(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: CancelDto,
  ): Promise<AppointmentDto[]> {
    return this.toDtos(actor, await this.changes.cancelFollowing(actor, id, body.reason));
  }

  @Post('appointments/:id/reschedule')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move an appointment (history kept); same checks as booking' })
  @ApiOkResponse({
    type: AppointmentDto,
    description: 'The appointment, moved, with any policy warnings',
  })
  @ApiAuthenticated(404, 409, 422)
  async reschedule(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: RescheduleDto,
  ): Promise<AppointmentDto> {
    const { appointment, warnings } = await this.changes.reschedule(actor, id, body);
    return this.bookedDto(actor, appointment, warnings);
  }

  @Put('appointments/:id/episode')
  @ApiOperation({
    summary: 'Put a visit in an episode of care, move it to another, or (null) take it out',
  })
  @ApiOkResponse({
    type: AppointmentDto,
    description: 'The appointment in its episode, with any policy warnings',
  })
  @ApiAuthenticated(404, 409, 422)
  async changeEpisode(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: AppointmentEpisodeDto,
  ): Promise<AppointmentDto> {
    const { appointment, warnings } = await this.changes.changeEpisode(actor, id, body.episodeId);
    return this.bookedDto(actor, appointment, warnings);
  }

  @Get('patients/:patientId/appointments')
  @ApiOperation({ summary: 'A patient’s appointments, newest first' })
  @ApiOkResponse({ type: [AppointmentDto], description: 'The appointments, newest first' })
  @ApiAuthenticated(404)
  async forPatient(
    @CurrentActor() actor: Actor,
    @Param('patientId', UuidParam('patientId')) patientId: string,
  ): Promise<AppointmentDto[]> {
    return (await this.views.forPatient(actor, patientId)).map((row) => AppointmentDto.from(row));
  }

  @Get('schedule')
  @ApiOperation({ summary: 'Day or week schedule of a location or a therapist' })
  @ApiOkResponse({
    type: [AppointmentDto],
    description: 'The appointments of the day or week, by start',
  })
  @ApiAuthenticated(404)
  async schedule(
    @CurrentActor() actor: Actor,
    @Query() query: ScheduleQueryDto,
  ): Promise<AppointmentDto[]> {
    if (!query.locationId && !query.therapistId) {
      throw domainError(SchedulingErrors.scheduleFilterMissing, 'Give locationId or therapistId', [
        { field: 'locationId', reason: 'give locationId or therapistId' },
      ]);
    }
    const schedule = await this.views.schedule(actor, {
      locationId: query.locationId,
      therapistId: query.therapistId,
      date: query.date,
      days: query.view === 'week' ? 7 : 1,
    });
    return schedule.map((row) => AppointmentDto.from(row));
  }

  @Post('waitlist')
  @ApiOperation({
    summary: 'Put a patient on the waitlist for a type, locations, therapist and window',
  })
  @ApiCreatedResponse({ type: WaitlistEntryDto, description: 'The entry, waiting' })
  @ApiAuthenticated(404)
  async addToWaitlist(
    @CurrentActor() actor: Actor,
    @Body() body: WaitlistDto,
  ): Promise<WaitlistEntryDto> {
    return WaitlistEntryDto.from(await this.waitlist.add(actor, body));
  }

  @Get('waitlist')
  @ApiOperation({ summary: 'Waitlist entries of the caller’s clinics, oldest first' })
  @ApiPageResponse(WaitlistEntryDto, 'One page of waitlist entries')
  @ApiAuthenticated()
  async listWaitlist(
    @CurrentActor() actor: Actor,
    @Query() query: WaitlistQuery,
  ): Promise<Page<WaitlistEntryDto>> {
    const [entries, total] = await this.waitlist.list(actor, query);
    return Page.of(
      entries.map((entry) => WaitlistEntryDto.from(entry)),
      total,
      query,
    );
  }

  @Post('waitlist/:id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take a patient off the waitlist' })
  @ApiOkResponse({ type: WaitlistEntryDto, description: 'The entry, withdrawn' })
  @ApiAuthenticated(404, 409)
  async withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
  ): Promise<WaitlistEntryDto> {
    return WaitlistEntryDto.from(await this.waitlist.withdraw(actor, id));
  }

  @Post('waitlist/:id/accept')
  @ApiOperation({ summary: 'Book the slot offered to a waiting patient (within the hold time)' })
  @ApiCreatedResponse({
    type: AppointmentDto,
    description: 'The appointment, booked, with any policy warnings',
  })
  @ApiAuthenticated(404, 409, 422)
  async acceptOffer(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
  ): Promise<AppointmentDto> {
    const { appointment, warnings } = await this.booking.acceptWaitlistOffer(actor, id);
    return this.bookedDto(actor, appointment, warnings);
  }
}
