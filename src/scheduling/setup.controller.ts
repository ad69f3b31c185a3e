import { Body, Controller, Get, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../kernel/actor';
import { CurrentActor, Roles } from '../kernel/decorators';
import { Role } from '../kernel/role';
import { ApiAuthenticated } from '../common/api-errors.decorator';
import { UuidParam } from '../common/uuid-param.pipe';
import {
  AppointmentTypeDto,
  ClosureDto,
  OpeningHoursDto,
  ResourceDto,
  TherapistHoursDto,
  TherapistProfileDto,
  TimeOffDto,
  UpdateAppointmentTypeDto,
} from './dto/setup.dto';
import { SchedulingSetupService } from './setup.service';

/** What admins configure; everyone signed in may read appointment types and resources. */
@ApiTags('scheduling setup')
@Roles(Role.Admin)
@Controller()
export class SchedulingSetupController {
  constructor(private readonly setup: SchedulingSetupService) {}

  @Put('locations/:id/hours')
  @ApiOperation({ summary: 'Replace a location’s weekly opening hours (local wall-clock time)' })
  @ApiOkResponse({ type: OpeningHoursDto })
  @ApiAuthenticated(404)
  async setHours(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: OpeningHoursDto,
  ): Promise<OpeningHoursDto> {
    const rows = await this.setup.setOpeningHours(actor, id, body);
    return {
      windows: rows.map((row) => ({
        weekday: row.weekday,
        opens: row.opens.slice(0, 5),
        closes: row.closes.slice(0, 5),
      })),
    };
  }

  @Post('locations/:id/closures')
  @ApiOperation({ summary: 'Close a location for whole local days (holiday, snow day)' })
  @ApiCreatedResponse({ type: ClosureDto })
  @ApiAuthenticated(404, 422)
  async addClosure(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: ClosureDto,
  ) {
    return this.setup.addClosure(actor, id, body);
  }

  @Post('locations/:id/resources')
  @ApiOperation({ summary: 'Add a room or resource with a capacity (aquatic pool: 4)' })
  @ApiCreatedResponse({ type: ResourceDto })
  @ApiAuthenticated(404, 409)
  async addResource(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: ResourceDto,
  ) {
    return this.setup.addResource(actor, id, body);
  }

  @Get('locations/:id/resources')
  @Roles(Role.Admin, Role.FrontDesk, Role.Therapist)
  @ApiOperation({ summary: 'Rooms and resources of a location' })
  @ApiOkResponse({ type: [ResourceDto] })
  @ApiAuthenticated(404)
  async resources(@Param('id', UuidParam()) id: string) {
    return this.setup.listResources(id);
  }

  @Post('appointment-types')
  @ApiOperation({
    summary: 'Define an appointment type: duration, buffers, resource, who may deliver it',
  })
  @ApiCreatedResponse({ type: AppointmentTypeDto })
  @ApiAuthenticated(409)
  async createType(@CurrentActor() actor: Actor, @Body() body: AppointmentTypeDto) {
    return this.setup.createType(actor, body);
  }

  @Patch('appointment-types/:id')
  @ApiOperation({ summary: 'Change an appointment type' })
  @ApiOkResponse({ type: AppointmentTypeDto })
  @ApiAuthenticated(404, 409)
  async updateType(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: UpdateAppointmentTypeDto,
  ) {
    return this.setup.updateType(actor, id, body);
  }

  @Get('appointment-types')
  @Roles(Role.Admin, Role.FrontDesk, Role.Therapist)
  @ApiOperation({ summary: 'Appointment types' })
  @ApiOkResponse({ type: [AppointmentTypeDto] })
  @ApiAuthenticated()
  async types() {
    return this.setup.listTypes();
  }

  @Put('therapists/:id/profile')
  @ApiOperation({
    summary: 'Credentials of a therapist (PT or PTA, licences, direct-access certificate)',
  })
  @ApiOkResponse({ type: TherapistProfileDto })
  @ApiAuthenticated(404)
  async setProfile(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: TherapistProfileDto,
  ) {
    return this.setup.setProfile(actor, id, body);
  }

  @Put('therapists/:id/hours')
  @ApiOperation({ summary: 'Replace a therapist’s weekly working hours per location' })
  @ApiOkResponse({ type: TherapistHoursDto })
  @ApiAuthenticated(404)
  async setTherapistHours(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: TherapistHoursDto,
  ): Promise<TherapistHoursDto> {
    const rows = await this.setup.setHours(actor, id, body);
    return {
      windows: rows.map((row) => ({
        locationId: row.locationId,
        weekday: row.weekday,
        starts: row.starts.slice(0, 5),
        ends: row.ends.slice(0, 5),
      })),
    };
  }

  @Post('therapists/:id/time-off')
  @ApiOperation({ summary: 'Record time off for a therapist' })
  @ApiCreatedResponse({ type: TimeOffDto })
  @ApiAuthenticated(404, 422)
  async addTimeOff(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: TimeOffDto,
  ) {
    return this.setup.addTimeOff(actor, id, body);
  }
}
