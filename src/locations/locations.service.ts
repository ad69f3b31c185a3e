import { domainError } from '../common/errors/error-catalogue';
import { LocationErrors } from './locations.errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../kernel/actor';
import { inScope, scopeParameter, scopeToLocations } from '../kernel/location-scope';
import type { PageQuery } from '../common/pagination/page';
import { describeConstraints } from '../common/errors/postgres-errors';
import type { CreateLocationDto, UpdateLocationDto } from './dto/location.dto';
import { Location } from './location.entity';

describeConstraints({
  locations_code_key: { field: 'code', message: 'A location with this code already exists' },
  locations_second_reminder_hours_range: {
    field: 'secondReminderHoursBefore',
    message: 'secondReminderHoursBefore must be fewer hours than reminderHoursBefore',
  },
});

@Injectable()
export class LocationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, input: CreateLocationDto): Promise<Location> {
    return this.dataSource.transaction(async (manager) => {
      const location = await manager.getRepository(Location).save({ country: 'US', ...input });
      await this.audit.record(
        { actor, action: 'create', entityType: 'location', entityId: location.id },
        manager,
      );
      // Read back: columns left to the database's defaults (reminder lead time) are in the row.
      return manager.getRepository(Location).findOneByOrFail({ id: location.id });
    });
  }

  async update(actor: Actor, id: string, input: UpdateLocationDto): Promise<Location> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(Location);
      if (!(await repository.existsBy({ id }))) {
        throw domainError(LocationErrors.locationNotFound, `No location ${id}`);
      }
      await repository.update({ id }, input);
      await this.audit.record(
        {
          actor,
          action: 'update',
          entityType: 'location',
          entityId: id,
          details: { fields: Object.keys(input).sort() },
        },
        manager,
      );
      return repository.findOneByOrFail({ id });
    });
  }

  /** Locations the actor may see: all for admins, their assigned ones for everyone else. */
  async list(actor: Actor, page: PageQuery): Promise<[Location[], number]> {
    const query = this.dataSource
      .getRepository(Location)
      .createQueryBuilder('location')
      .orderBy('location.name', 'ASC')
      .addOrderBy('location.id', 'ASC')
      .take(page.limit)
      .skip(page.offset);
    return scopeToLocations(query, actor, 'location.id').getManyAndCount();
  }

  /** One location, or not found when it does not exist or lies outside the actor's locations. */
  async get(actor: Actor, id: string): Promise<Location> {
    const location = inScope(actor, id)
      ? await this.dataSource.getRepository(Location).findOneBy({ id })
      : null;
    if (!location) throw domainError(LocationErrors.locationNotFound, `No location ${id}`);
    return location;
  }

  /** The IANA zones of these locations, in one query (the caller's transaction if given). */
  async zonesOf(
    ids: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await manager.query<{ id: string; time_zone: string }[]>(
      'SELECT id, time_zone FROM locations WHERE id = ANY($1)',
      [[...new Set(ids)]],
    );
    return new Map(rows.map((row) => [row.id, row.time_zone]));
  }

  /** A location's zone, or not found outside the actor's locations. */
  async visibleZone(
    actor: Actor,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string> {
    const zone = inScope(actor, id) ? (await this.zonesOf([id], manager)).get(id) : null;
    if (!zone) throw domainError(LocationErrors.locationNotFound, `No location ${id}`);
    return zone;
  }

  /**
   * What, where, in what zone and jurisdiction, the locations the actor may see are: all of them, or
   * those of `requested` that are in scope.
   */
  async factsInScope(
    actor: Actor,
    requested?: readonly string[],
  ): Promise<
    { id: string; name: string; timeZone: string; country: string; state: string | null }[]
  > {
    return this.dataSource.query(
      `SELECT id, name, time_zone AS "timeZone", country, state FROM locations
        WHERE ($1::uuid[] IS NULL OR id = ANY($1)) AND ($2::uuid[] IS NULL OR id = ANY($2))`,
      [requested?.length ? [...requested] : null, scopeParameter(actor)],
    );
  }
}
