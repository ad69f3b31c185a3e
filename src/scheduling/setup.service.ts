import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../kernel/actor';
import { Role } from '../kernel/role';
import { User } from '../auth/user.entity';
import { InputError, NotFoundError } from '../common/errors/domain-error';
import { describeConstraints } from '../database/postgres-errors';
import { Location } from '../locations/location.entity';
import type {
  AppointmentTypeDto,
  ClosureDto,
  OpeningHoursDto,
  ResourceDto,
  TherapistHoursDto,
  TherapistProfileDto,
  TimeOffDto,
  UpdateAppointmentTypeDto,
} from './dto/setup.dto';
import {
  AppointmentType,
  LocationClosure,
  LocationHours,
  Resource,
  TherapistHours,
  TherapistProfile,
  TherapistTimeOff,
} from './entities/setup.entities';
import { type Interval, normalize } from './rules/intervals';

describeConstraints({
  appointment_types_code_key: {
    field: 'code',
    message: 'An appointment type with this code exists',
  },
  resources_name_key: { field: 'name', message: 'The location has a resource with this name' },
  location_hours_pkey: { field: 'windows', message: 'Two windows open at the same time' },
  therapist_hours_pkey: { field: 'windows', message: 'Two windows start at the same time' },
  location_closures_ends_after_starts: {
    field: 'endsOn',
    message: 'endsOn must not be before startsOn',
  },
  therapist_time_off_ends_after_starts: {
    field: 'endsAt',
    message: 'endsAt must be after startsAt',
  },
});

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Refuses windows that end before they start or overlap on the same weekday. */
function assertWindows(
  windows: { weekday: number; start: string; end: string }[],
  field: string,
): void {
  const problems: { field: string; reason: string }[] = [];
  windows.forEach((window, index) => {
    if (minutes(window.end) <= minutes(window.start)) {
      problems.push({ field: `${field}[${index}]`, reason: 'must end after it starts' });
    }
  });
  for (let day = 1; day <= 7; day++) {
    const intervals: Interval[] = windows
      .filter((window) => window.weekday === day)
      .map((window) => ({ start: minutes(window.start), end: minutes(window.end) }));
    const total = intervals.reduce(
      (sum, interval) => sum + Math.max(0, interval.end - interval.start),
      0,
    );
    const merged = normalize(intervals).reduce(
      (sum, interval) => sum + interval.end - interval.start,
      0,
    );
    if (merged < total) problems.push({ field, reason: `windows on weekday ${day} overlap` });
  }
  if (problems.length > 0)
    throw new InputError('schedule.invalid_windows', 'The weekly windows are invalid', problems);
}

/** What admins set up: hours, closures, resources, appointment types, therapists. */
@Injectable()
export class SchedulingSetupService {
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

  async createType(actor: Actor, input: AppointmentTypeDto): Promise<AppointmentType> {
    return this.dataSource.transaction(async (manager) => {
      const type = await manager.save(AppointmentType, {
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 0,
        groupCapacity: 1,
        treatment: true,
        active: true,
        resourceKind: null,
        ...input,
      });
      await this.audit.record(
        { actor, action: 'create', entityType: 'appointment_type', entityId: type.id },
        manager,
      );
      return type;
    });
  }

  async updateType(
    actor: Actor,
    id: string,
    input: UpdateAppointmentTypeDto,
  ): Promise<AppointmentType> {
    return this.dataSource.transaction(async (manager) => {
      const type = await manager.findOneBy(AppointmentType, { id });
      if (!type) throw new NotFoundError('appointment_type.not_found', `No appointment type ${id}`);
      const saved = await manager.save(AppointmentType, { ...type, ...input });
      await this.audit.record(
        {
          actor,
          action: 'update',
          entityType: 'appointment_type',
          entityId: id,
          details: { fields: Object.keys(input) },
        },
        manager,
      );
      return saved;
    });
  }

  listTypes(): Promise<AppointmentType[]> {
    return this.dataSource.getRepository(AppointmentType).find({ order: { name: 'ASC' } });
  }

  async setProfile(
    actor: Actor,
    therapistId: string,
    input: TherapistProfileDto,
  ): Promise<TherapistProfile> {
    return this.dataSource.transaction(async (manager) => {
      await this.therapist(manager, therapistId);
      const profile = await manager.save(TherapistProfile, {
        directAccessCertified: false,
        directAccessCertifiedOn: null,
        doctoralDegree: false,
        yearsLicensed: null,
        ...input,
        userId: therapistId,
      });
      await this.audit.record(
        { actor, action: 'update', entityType: 'therapist_profile', entityId: therapistId },
        manager,
      );
      return profile;
    });
  }

  async setHours(
    actor: Actor,
    therapistId: string,
    input: TherapistHoursDto,
  ): Promise<TherapistHours[]> {
    assertWindows(
      input.windows.map((w) => ({ weekday: w.weekday, start: w.starts, end: w.ends })),
      'windows',
    );
    return this.dataSource.transaction(async (manager) => {
      const therapist = await this.therapist(manager, therapistId);
      const assigned = new Set(therapist.locations.map((location) => location.id));
      input.windows.forEach((window, index) => {
        if (!assigned.has(window.locationId)) {
          throw new InputError(
            'therapist.not_assigned',
            'The therapist is not assigned to that location',
            [
              {
                field: `windows[${index}].locationId`,
                reason: 'the therapist is not assigned to this location',
              },
            ],
          );
        }
      });
      await manager.delete(TherapistHours, { therapistId });
      if (input.windows.length > 0) {
        await manager.insert(
          TherapistHours,
          input.windows.map((window) => ({ ...window, therapistId })),
        );
      }
      await this.audit.record(
        { actor, action: 'update', entityType: 'therapist_hours', entityId: therapistId },
        manager,
      );
      return manager.find(TherapistHours, {
        where: { therapistId },
        order: { weekday: 'ASC', starts: 'ASC' },
      });
    });
  }

  async addTimeOff(
    actor: Actor,
    therapistId: string,
    input: TimeOffDto,
  ): Promise<TherapistTimeOff> {
    return this.dataSource.transaction(async (manager) => {
      await this.therapist(manager, therapistId);
      const timeOff = await manager.save(TherapistTimeOff, {
        therapistId,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        reason: input.reason ?? null,
      });
      await this.audit.record(
        { actor, action: 'create', entityType: 'therapist_time_off', entityId: timeOff.id },
        manager,
      );
      return timeOff;
    });
  }

  private async location(manager: EntityManager, id: string): Promise<Location> {
    const location = await manager.findOneBy(Location, { id });
    if (!location) throw new NotFoundError('location.not_found', `No location ${id}`);
    return location;
  }

  private async therapist(manager: EntityManager, id: string): Promise<User> {
    const user = await manager.findOne(User, { where: { id }, relations: { locations: true } });
    if (!user || user.role !== Role.Therapist)
      throw new NotFoundError('therapist.not_found', `No therapist ${id}`);
    return user;
  }
}
