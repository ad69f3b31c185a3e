import { Body, Controller, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../kernel/actor';
import { CurrentActor, Roles } from '../kernel/decorators';
import { Role } from '../kernel/role';
import { ApiAuthenticated } from '../common/api-errors.decorator';
import { UuidParam } from '../common/uuid-param.pipe';
import {
  TherapistHoursDto,
  TherapistProfileDto,
  TherapistProfileViewDto,
  TimeOffDto,
  TimeOffViewDto,
} from './dto/therapist-setup.dto';
import { StaffService } from './staff.service';

/** Therapists’ credentials, licences, weekly hours and time off, set by admins. */
@ApiTags('staff')
@Roles(Role.Admin)
@Controller()
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Put('therapists/:id/profile')
  @ApiOperation({
    summary: 'Credentials of a therapist (PT or PTA, licences, direct-access certificate)',
  })
  @ApiOkResponse({ type: TherapistProfileViewDto, description: 'The profile, defaults applied' })
  @ApiAuthenticated(404)
  async setProfile(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: TherapistProfileDto,
  ) {
    return this.staff.setProfile(actor, id, body);
  }

  @Put('therapists/:id/hours')
  @ApiOperation({ summary: 'Replace a therapist’s weekly working hours per location' })
  @ApiOkResponse({ type: TherapistHoursDto, description: 'The working hours as stored' })
  @ApiAuthenticated(404, 409)
  async setTherapistHours(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: TherapistHoursDto,
  ): Promise<TherapistHoursDto> {
    const rows = await this.staff.setHours(actor, id, body);
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
  @ApiCreatedResponse({ type: TimeOffViewDto, description: 'The time off' })
  @ApiAuthenticated(404, 422)
  async addTimeOff(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: TimeOffDto,
  ) {
    return this.staff.addTimeOff(actor, id, body);
  }
}
