import { AuthErrors } from './auth.errors';
import { domainError } from '../common/errors/error-catalogue';
import { LocationErrors } from '../locations/locations.errors';
import { LocationsService } from '../locations/locations.service';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { PageQuery } from '../common/pagination/page';
import { describeConstraints } from '../common/errors/postgres-errors';
import type { Actor } from '../kernel/actor';
import { ActorCache } from './actor-cache';
import type { CreateUserDto, UpdateUserDto, UserQuery } from './dto/user.dto';
import { PasswordHasher } from './password-hasher.service';
import { User } from './user.entity';

describeConstraints({
  users_email_key: { field: 'email', message: 'A user with this email already exists' },
  user_locations_location_id_fkey: {
    field: 'locationIds',
    message: 'A location in locationIds does not exist',
  },
});

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly actors: ActorCache,
    private readonly locations: LocationsService,
  ) {}

  async create(actor: Actor, input: CreateUserDto): Promise<User> {
    const passwordHash = await this.hasher.hash(input.password);
    const id = await this.dataSource.transaction(async (manager) => {
      const { identifiers } = await manager.getRepository(User).insert({
        email: input.email,
        fullName: input.fullName,
        passwordHash,
        role: input.role,
        active: true,
        failedLoginCount: 0,
      });
      const userId = identifiers[0].id as string;
      await this.assignLocations(manager, userId, input.locationIds);
      await this.audit.record(
        {
          actor,
          action: 'create',
          entityType: 'user',
          entityId: userId,
          details: { role: input.role },
        },
        manager,
      );
      return userId;
    });
    return this.get(id);
  }

  async update(actor: Actor, id: string, input: UpdateUserDto): Promise<User> {
    await this.dataSource.transaction(async (manager) => {
      const users = manager.getRepository(User);
      const existing = await users.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!existing) throw domainError(AuthErrors.userNotFound, `No user ${id}`);
      const changes: Partial<User> = {};
      if (input.fullName !== undefined) changes.fullName = input.fullName;
      if (input.role !== undefined) changes.role = input.role;
      if (input.active !== undefined) changes.active = input.active;
      if (input.password !== undefined) {
        changes.passwordHash = await this.hasher.hash(input.password);
        changes.failedLoginCount = 0;
        changes.lockedUntil = null;
      }
      if (Object.keys(changes).length > 0) await users.update({ id }, changes);
      if (input.locationIds !== undefined) {
        await manager.query('DELETE FROM user_locations WHERE user_id = $1', [id]);
        await this.assignLocations(manager, id, input.locationIds);
      }
      await this.audit.record(
        {
          actor,
          action: 'update',
          entityType: 'user',
          entityId: id,
          details: { fields: Object.keys(input).sort() },
        },
        manager,
      );
    });
    this.actors.forget(id);
    return this.get(id);
  }

  async get(id: string): Promise<User> {
    const user = await this.dataSource
      .getRepository(User)
      .findOne({ where: { id }, relations: { assignments: true } });
    if (!user) throw domainError(AuthErrors.userNotFound, `No user ${id}`);
    return user;
  }

  async list(query: UserQuery & PageQuery): Promise<[User[], number]> {
    const builder = this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .leftJoinAndSelect('user.assignments', 'assignment')
      .orderBy('user.full_name')
      .addOrderBy('user.id');
    if (query.role) builder.andWhere('user.role = :role', { role: query.role });
    if (query.locationId) {
      builder.andWhere(
        'EXISTS (SELECT 1 FROM user_locations ul WHERE ul.user_id = user.id AND ul.location_id = :locationId)',
        {
          locationId: query.locationId,
        },
      );
    }
    return builder.take(query.limit).skip(query.offset).getManyAndCount();
  }

  private async assignLocations(
    manager: EntityManager,
    userId: string,
    locationIds: string[],
  ): Promise<void> {
    if (locationIds.length === 0) return;
    const found = (await this.locations.zonesOf(locationIds, manager)).size;
    if (found !== locationIds.length) {
      throw domainError(
        LocationErrors.locationNotFound,
        'A location in locationIds does not exist',
      );
    }
    await manager.query(
      'INSERT INTO user_locations (user_id, location_id) SELECT $1, unnest($2::uuid[])',
      [userId, locationIds],
    );
  }
}
