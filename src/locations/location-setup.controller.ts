import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../kernel/actor';
import { CurrentActor, Roles } from '../kernel/decorators';
import { Role } from '../kernel/role';
import { ApiAuthenticated } from '../common/api-errors.decorator';
import { UuidParam } from '../common/uuid-param.pipe';
import {
  ClosureDto,
  ClosureQuery,
  ClosureViewDto,
  OpeningHoursDto,
  ResourceDto,
  ResourceQuery,
  ResourceViewDto,
} from './dto/location-setup.dto';
import type { LocationHours } from './opening-hours.entity';
import { LocationSetupService } from './location-setup.service';

const hoursDto = (rows: LocationHours[]): OpeningHoursDto => ({
  windows: rows.map((row) => ({
    weekday: row.weekday,
    opens: row.opens.slice(0, 5),
    closes: row.closes.slice(0, 5),
  })),
});

/** What admins set up at a location; the location's staff read it. */
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
    return hoursDto(await this.setup.setOpeningHours(actor, id, body));
  }

  @Get('locations/:id/hours')
  @Roles(Role.Admin, Role.FrontDesk, Role.Therapist)
  @ApiOperation({ summary: 'A location’s weekly opening hours (local wall-clock time)' })
  @ApiOkResponse({ type: OpeningHoursDto, description: 'The opening hours, by weekday and time' })
  @ApiAuthenticated(404)
  async hours(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
  ): Promise<OpeningHoursDto> {
    return hoursDto(await this.setup.openingHours(actor, id));
  }

  @Get('locations/:id/closures')
  @Roles(Role.Admin, Role.FrontDesk, Role.Therapist)
  @ApiOperation({ summary: 'A location’s closures, by first day' })
  @ApiOkResponse({ type: [ClosureViewDto], description: 'The closures, by first day' })
  @ApiAuthenticated(404)
  async closures(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Query() query: ClosureQuery,
  ): Promise<ClosureViewDto[]> {
    return this.setup.closures(actor, id, query.from);
  }

  @Delete('locations/:id/closures/:closureId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a closure: the location opens those days again' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiAuthenticated(404)
  async removeClosure(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Param('closureId', UuidParam('closureId')) closureId: string,
  ): Promise<void> {
    await this.setup.removeClosure(actor, id, closureId);
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
  @ApiOperation({ summary: 'Rooms and resources of a location (retired ones on request)' })
  @ApiOkResponse({ type: [ResourceViewDto], description: 'The resources, by name' })
  @ApiAuthenticated(404)
  async resources(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Query() query: ResourceQuery,
  ): Promise<ResourceViewDto[]> {
    return this.setup.listResources(actor, id, query.includeRetired);
  }

  @Delete('locations/:id/resources/:resourceId')
  @ApiOperation({
    summary: 'Retire a room or resource: it keeps its past visits and takes no new ones',
  })
  @ApiOkResponse({ type: ResourceViewDto, description: 'The resource, retired' })
  @ApiAuthenticated(404, 422)
  async retireResource(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Param('resourceId', UuidParam('resourceId')) resourceId: string,
  ): Promise<ResourceViewDto> {
    return this.setup.retireResource(actor, id, resourceId);
  }
}
