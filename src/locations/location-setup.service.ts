import { domainError } from '../common/errors/error-catalogue';
import { LocationErrors } from './locations.errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../kernel/actor';
import { assertWindows } from '../common/time/weekly-windows';
import { describeConstraints } from '../common/errors/postgres-errors';
import { LocationClosure } from './closure.entity';
import type { ClosureDto, OpeningHoursDto, ResourceDto } from './dto/location-setup.dto';
import { Location } from './location.entity';
import { LocationHours } from './opening-hours.entity';
import { Resource } from './resource.entity';

describeConstraints({
  resources_name_key: { field: 'name', message: 'The location has a resource with this name' },
  location_hours_pkey: { field: 'windows', message: 'Two windows open at the same time' },
  location_closures_ends_after_starts: {
    field: 'endsOn',
    message: 'endsOn must not be before startsOn',
  },
});

/** What admins set up at a location: weekly opening hours, closures, rooms and resources. */
@Injectable()
export class LocationSetupService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async setOpeningHours(
    actor: Actor,
    locationId: string,
    input: OpeningHoursDto,
  ): Promise<LocationHours[]> {
    assertWindows(
      input.windows.map((w) => ({ weekday: w.weekday, start: w.opens, end: w.closes })),
      'windows',
    );
    return this.dataSource.transaction(async (manager) => {
      await this.location(manager, locationId);
      await manager.delete(LocationHours, { locationId });
      if (input.windows.length > 0) {
        await manager.insert(
          LocationHours,
          input.windows.map((window) => ({ ...window, locationId })),
        );
      }
      await this.audit.record(
        { actor, action: 'update', entityType: 'location_hours', entityId: locationId },
        manager,
      );
      return manager.find(LocationHours, {
        where: { locationId },
        order: { weekday: 'ASC', opens: 'ASC' },
      });
    });
  }

  async addClosure(actor: Actor, locationId: string, input: ClosureDto): Promise<LocationClosure> {
    return this.dataSource.transaction(async (manager) => {
      await this.location(manager, locationId);
      const closure = await manager.save(LocationClosure, { ...input, locationId });
      await this.audit.record(
        { actor, action: 'create', entityType: 'location_closure', entityId: closure.id },
        manager,
      );
      return closure;
    });
  }

  async addResource(actor: Actor, locationId: string, input: ResourceDto): Promise<Resource> {
    return this.dataSource.transaction(async (manager) => {
      await this.location(manager, locationId);
      const resource = await manager.save(Resource, { ...input, locationId });
      await this.audit.record(
        { actor, action: 'create', entityType: 'resource', entityId: resource.id },
        manager,
      );
      return resource;
    });
  }

  listResources(locationId: string): Promise<Resource[]> {
    return this.dataSource
      .getRepository(Resource)
      .find({ where: { locationId }, order: { name: 'ASC' } });
  }

  private async location(manager: EntityManager, id: string): Promise<Location> {
    const location = await manager.findOneBy(Location, { id });
    if (!location) throw domainError(LocationErrors.locationNotFound, `No location ${id}`);
    return location;
  }
}
