import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../kernel/actor';
import { CurrentActor, Roles } from '../kernel/decorators';
import { Role } from '../kernel/role';
import { ApiAuthenticated } from '../common/api-errors.decorator';
import { UuidParam } from '../common/uuid-param.pipe';
import {
  AppointmentTypeDto,
  AppointmentTypeQuery,
  AppointmentTypeViewDto,
  UpdateAppointmentTypeDto,
} from './dto/appointment-type.dto';
import { AppointmentTypesService } from './appointment-types.service';

/** Appointment types: admins define them; everyone signed in may read them. */
@ApiTags('appointment types')
@Roles(Role.Admin)
@Controller()
export class AppointmentTypesController {
  constructor(private readonly appointmentTypes: AppointmentTypesService) {}

  @Post('appointment-types')
  @ApiOperation({
    summary: 'Define an appointment type: duration, buffers, resource, who may deliver it',
  })
  @ApiCreatedResponse({ type: AppointmentTypeViewDto, description: 'The type, defaults applied' })
  @ApiAuthenticated(409)
  async createType(@CurrentActor() actor: Actor, @Body() body: AppointmentTypeDto) {
    return this.appointmentTypes.createType(actor, body);
  }

  @Patch('appointment-types/:id')
  @ApiOperation({ summary: 'Change an appointment type' })
  @ApiOkResponse({ type: AppointmentTypeViewDto, description: 'The type as changed' })
  @ApiAuthenticated(404, 409)
  async updateType(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: UpdateAppointmentTypeDto,
  ) {
    return this.appointmentTypes.updateType(actor, id, body);
  }

  @Get('appointment-types')
  @Roles(Role.Admin, Role.FrontDesk, Role.Therapist)
  @ApiOperation({ summary: 'Appointment types' })
  @ApiOkResponse({
    type: [AppointmentTypeViewDto],
    description: 'Every type, retired ones too unless filtered, by name',
  })
  @ApiAuthenticated()
  async types(@Query() query: AppointmentTypeQuery) {
    return this.appointmentTypes.listTypes(query.active);
  }

  @Get('appointment-types/:id')
  @Roles(Role.Admin, Role.FrontDesk, Role.Therapist)
  @ApiOperation({ summary: 'One appointment type' })
  @ApiOkResponse({ type: AppointmentTypeViewDto, description: 'The type' })
  @ApiAuthenticated(404)
  async type(@Param('id', UuidParam()) id: string) {
    return this.appointmentTypes.getType(id);
  }

  @Delete('appointment-types/:id')
  @ApiOperation({
    summary: 'Retire an appointment type: no new bookings; booked visits keep it',
  })
  @ApiOkResponse({ type: AppointmentTypeViewDto, description: 'The type, retired' })
  @ApiAuthenticated(404)
  async retireType(@CurrentActor() actor: Actor, @Param('id', UuidParam()) id: string) {
    return this.appointmentTypes.retireType(actor, id);
  }
}
