import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../kernel/actor';
import { CurrentActor, Roles } from '../kernel/decorators';
import { Role } from '../kernel/role';
import { ApiAuthenticated } from '../common/api-errors.decorator';
import { UuidParam } from '../common/uuid-param.pipe';
import {
  ClosureDto,
  ClosureViewDto,
  OpeningHoursDto,
  ResourceDto,
  ResourceViewDto,
} from './dto/location-setup.dto';
import { LocationSetupService } from './location-setup.service';

/** What admins set up at a location; everyone signed in may read its resources. */
@ApiTags('locations')
@Roles(Role.Admin)
@Controller()
export class LocationSetupController {
  constructor(private readonly setup: LocationSetupService) {}

  @Put('locations/:id/hours')
  @ApiOperation({ summary: 'Replace a location’s weekly opening hours (local wall-clock time)' })
  @ApiOkResponse({ type: OpeningHoursDto, description: 'The opening hours as stored' })
  @ApiAuthenticated(404, 409)
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
  @ApiCreatedResponse({ type: ClosureViewDto, description: 'The closure' })
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
  @ApiCreatedResponse({ type: ResourceViewDto, description: 'The resource' })
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
  @ApiOkResponse({ type: [ResourceViewDto], description: 'The resources, by name' })
  @ApiAuthenticated(404)
  async resources(@Param('id', UuidParam()) id: string) {
    return this.setup.listResources(id);
  }
}
