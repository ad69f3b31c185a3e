import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../kernel/actor';
import { CurrentActor, Roles } from '../kernel/decorators';
import { Role } from '../kernel/role';
import { ApiAuthenticated } from '../common/api-errors.decorator';
import { ApiPageResponse, Page, PageQuery } from '../common/pagination/page';
import { UuidParam } from '../common/uuid-param.pipe';
import { CreateLocationDto, LocationDto, UpdateLocationDto } from './dto/location.dto';
import { LocationsService } from './locations.service';

@ApiTags('locations')
@Controller('locations')
export class LocationsController {
  constructor(private readonly locations: LocationsService) {}

  @Post()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Create a clinic location (admins)' })
  @ApiCreatedResponse({ type: LocationDto, description: 'The location, created' })
  @ApiAuthenticated(409)
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateLocationDto,
  ): Promise<LocationDto> {
    return LocationDto.from(await this.locations.create(actor, body));
  }

  @Get()
  @ApiOperation({ summary: 'Locations the caller works at (all of them for admins)' })
  @ApiPageResponse(LocationDto, 'One page of locations')
  @ApiAuthenticated()
  async list(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<Page<LocationDto>> {
    const [locations, total] = await this.locations.list(actor, query);
    return Page.of(
      locations.map((location) => LocationDto.from(location)),
      total,
      query,
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'One location' })
  @ApiOkResponse({ type: LocationDto, description: 'The location' })
  @ApiAuthenticated(404)
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
  ): Promise<LocationDto> {
    return LocationDto.from(await this.locations.get(actor, id));
  }

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Change a location: address, phone, zone, reminder timing (admins)' })
  @ApiOkResponse({ type: LocationDto, description: 'The location as changed' })
  @ApiAuthenticated(404, 422)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: UpdateLocationDto,
  ): Promise<LocationDto> {
    return LocationDto.from(await this.locations.update(actor, id, body));
  }
}
