import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { type Actor, canAccessLocation, locationScope } from '../kernel/actor';
import { NotFoundError } from '../common/errors/domain-error';
import type { PageQuery } from '../common/pagination/page';
import { describeConstraints } from '../database/postgres-errors';
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
      return location;
    });
  }

  async update(actor: Actor, id: string, input: UpdateLocationDto): Promise<Location> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(Location);
      if (!(await repository.existsBy({ id }))) {
        throw new NotFoundError('location.not_found', `No location ${id}`);
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
    const scope = locationScope(actor);
    return this.dataSource.getRepository(Location).findAndCount({
      where: scope ? { id: In([...scope]) } : {},
      order: { name: 'ASC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
  }

  /** One location, or not found when it does not exist or lies outside the actor's locations. */
  async get(actor: Actor, id: string): Promise<Location> {
    const location = canAccessLocation(actor, id)
      ? await this.dataSource.getRepository(Location).findOneBy({ id })
      : null;
    if (!location) throw new NotFoundError('location.not_found', `No location ${id}`);
    return location;
  }
}
