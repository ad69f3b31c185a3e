import { Controller, Delete, Get, HttpCode, Param, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuthenticated } from '../common/api-errors.decorator';
import { UuidParam } from '../common/uuid-param.pipe';
import type { Actor } from '../kernel/actor';
import { CurrentActor, Roles } from '../kernel/decorators';
import { Role } from '../kernel/role';
import { RemoveHoursQuery, TimeOffQuery } from './dto/therapist-calendar.dto';
import { TherapistHoursDto, TimeOffViewDto } from './dto/therapist-setup.dto';
import { TherapistCalendarService } from './therapist-calendar.service';
import type { TherapistHours } from './therapist-hours.entity';

const hoursDto = (rows: TherapistHours[]): TherapistHoursDto => ({
  windows: rows.map((row) => ({
    locationId: row.locationId,
    weekday: row.weekday,
    starts: row.starts.slice(0, 5),
    ends: row.ends.slice(0, 5),
  })),
});

/** A therapist's hours and time off: read by the staff of their clinics, removed by admins. */
@ApiTags('staff')
@Controller('therapists/:id')
export class TherapistCalendarController {
  constructor(private readonly calendar: TherapistCalendarService) {}

  @Get('hours')
  @ApiOperation({ summary: 'A therapist’s weekly working hours at the caller’s clinics' })
  @ApiOkResponse({ type: TherapistHoursDto, description: 'The hours, by weekday and time' })
  @ApiAuthenticated(404)
  async hours(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
  ): Promise<TherapistHoursDto> {
    return hoursDto(await this.calendar.hours(actor, id));
  }

  @Delete('hours')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Remove a therapist’s weekly hours at one location or everywhere' })
  @ApiOkResponse({ type: TherapistHoursDto, description: 'The hours left' })
  @ApiAuthenticated(404)
  async removeHours(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Query() query: RemoveHoursQuery,
  ): Promise<TherapistHoursDto> {
    return hoursDto(await this.calendar.removeHours(actor, id, query.locationId));
  }

  @Get('time-off')
  @ApiOperation({ summary: 'A therapist’s time off, earliest first' })
  @ApiOkResponse({ type: [TimeOffViewDto], description: 'The time off, earliest first' })
  @ApiAuthenticated(404)
  async timeOff(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Query() query: TimeOffQuery,
  ) {
    return this.calendar.timeOff(actor, id, query.from);
  }

  @Delete('time-off/:timeOffId')
  @Roles(Role.Admin)
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove time off: the therapist is bookable then again' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiAuthenticated(404)
  async removeTimeOff(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Param('timeOffId', UuidParam('timeOffId')) timeOffId: string,
  ): Promise<void> {
    await this.calendar.removeTimeOff(actor, id, timeOffId);
  }
}
