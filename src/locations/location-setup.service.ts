import { domainError } from '../common/errors/error-catalogue';
import { LocationErrors } from './locations.errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../kernel/actor';
import { inScope } from '../kernel/location-scope';
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
  resources_retired_with_no_visits_ahead: {
    field: 'resourceId',
    message: 'The room holds visits still ahead: move or cancel them first',
  },
  location_closures_ends_after_starts: {
    field: 'endsOn',
    message: 'endsOn must not be before startsOn',
  },
});

/**
 * What admins set up at a location: weekly opening hours, closures, rooms and resources. The
 * staff of the location read them; admins change and remove them, each change audited.
 */
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

  async openingHours(actor: Actor, locationId: string): Promise<LocationHours[]> {
    await this.location(this.dataSource.manager, locationId, actor);
    return this.dataSource.manager.find(LocationHours, {
      where: { locationId },
      order: { weekday: 'ASC', opens: 'ASC' },
    });
  }

  /** Closures ending on or after `from` (every one without it), by first day. */
  async closures(actor: Actor, locationId: string, from?: string): Promise<LocationClosure[]> {
    await this.location(this.dataSource.manager, locationId, actor);
    const query = this.dataSource
      .getRepository(LocationClosure)
      .createQueryBuilder('closure')
      .where('closure.location_id = :locationId', { locationId })
      .orderBy('closure.starts_on')
      .addOrderBy('closure.id');
    if (from) query.andWhere('closure.ends_on >= :from', { from });
    return query.getMany();
  }

  async removeClosure(actor: Actor, locationId: string, closureId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.location(manager, locationId);
      const { affected } = await manager.delete(LocationClosure, { id: closureId, locationId });
      if (!affected) {
        throw domainError(
          LocationErrors.closureNotFound,
          `No closure ${closureId} at the location`,
        );
      }
      await this.audit.record(
        { actor, action: 'delete', entityType: 'location_closure', entityId: closureId },
        manager,
      );
    });
  }

  async listResources(
    actor: Actor,
    locationId: string,
    includeRetired = false,
  ): Promise<Resource[]> {
    await this.location(this.dataSource.manager, locationId, actor);
    const query = this.dataSource
      .getRepository(Resource)
      .createQueryBuilder('resource')
      .where('resource.location_id = :locationId', { locationId })
      .orderBy('resource.name')
      .addOrderBy('resource.id');
    if (!includeRetired) query.andWhere('resource.retired_at IS NULL');
    return query.getMany();
  }

  /**
   * Takes a room out of use: it keeps its past visits and takes no new ones. The database
   * refuses while it holds visits still ahead. Retiring a retired room changes nothing.
   */
  async retireResource(actor: Actor, locationId: string, resourceId: string): Promise<Resource> {
    return this.dataSource.transaction(async (manager) => {
      await this.location(manager, locationId);
      const resource = await manager.findOneBy(Resource, { id: resourceId, locationId });
      if (!resource) {
        throw domainError(
          LocationErrors.resourceNotFound,
          `No resource ${resourceId} at the location`,
        );
      }
      if (resource.retiredAt) return resource;
      await manager.update(Resource, { id: resourceId }, { retiredAt: () => 'now()' });
      await this.audit.record(
        { actor, action: 'delete', entityType: 'resource', entityId: resourceId },
        manager,
      );
      return manager.findOneByOrFail(Resource, { id: resourceId });
    });
  }

  /** The location, or not found when it does not exist or (given an actor) is not theirs. */
  private async location(manager: EntityManager, id: string, actor?: Actor): Promise<Location> {
    const location =
      actor && !inScope(actor, id) ? null : await manager.findOneBy(Location, { id });
    if (!location) throw domainError(LocationErrors.locationNotFound, `No location ${id}`);
    return location;
  }
}
