import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { therapistAssignments } from '../auth/staff-membership.sql';
import { domainError } from '../common/errors/error-catalogue';
import { type Actor, seesAllLocations } from '../kernel/actor';
import { inScope } from '../kernel/location-scope';
import { StaffErrors } from './staff.errors';
import { TherapistHours } from './therapist-hours.entity';
import { TherapistTimeOff } from './time-off.entity';

/**
 * A therapist's weekly hours and time off as the staff of their clinics read them, and as admins
 * remove them (setting them is StaffService's). A therapist of none of the caller's clinics does
 * not exist for the caller (404); hours at clinics not the caller's are left out.
 */
@Injectable()
export class TherapistCalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async hours(actor: Actor, therapistId: string): Promise<TherapistHours[]> {
    await this.visibleTherapist(this.dataSource.manager, actor, therapistId);
    const rows = await this.dataSource.manager.find(TherapistHours, {
      where: { therapistId },
      order: { weekday: 'ASC', starts: 'ASC' },
    });
    return rows.filter((row) => inScope(actor, row.locationId));
  }

  /** Removes the weekly hours at one location, or everywhere; returns what is left. */
  async removeHours(
    actor: Actor,
    therapistId: string,
    locationId?: string,
  ): Promise<TherapistHours[]> {
    return this.dataSource.transaction(async (manager) => {
      await this.visibleTherapist(manager, actor, therapistId);
      await manager.delete(
        TherapistHours,
        locationId ? { therapistId, locationId } : { therapistId },
      );
      await this.audit.record(
        {
          actor,
          action: 'delete',
          entityType: 'therapist_hours',
          entityId: therapistId,
          details: { locationId: locationId ?? null },
        },
        manager,
      );
      return manager.find(TherapistHours, {
        where: { therapistId },
        order: { weekday: 'ASC', starts: 'ASC' },
      });
    });
  }

  /** Time off ending after `from` (all of it without), earliest first. */
  async timeOff(actor: Actor, therapistId: string, from?: string): Promise<TherapistTimeOff[]> {
    await this.visibleTherapist(this.dataSource.manager, actor, therapistId);
    const query = this.dataSource
      .getRepository(TherapistTimeOff)
      .createQueryBuilder('off')
      .where('off.therapist_id = :therapistId', { therapistId })
      .orderBy('off.starts_at')
      .addOrderBy('off.id');
    if (from) query.andWhere('off.ends_at > :from', { from: new Date(from) });
    return query.getMany();
  }

  async removeTimeOff(actor: Actor, therapistId: string, timeOffId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.visibleTherapist(manager, actor, therapistId);
      const { affected } = await manager.delete(TherapistTimeOff, { id: timeOffId, therapistId });
      if (!affected) {
        throw domainError(
          StaffErrors.timeOffNotFound,
          `No time off ${timeOffId} for the therapist`,
        );
      }
      await this.audit.record(
        { actor, action: 'delete', entityType: 'therapist_time_off', entityId: timeOffId },
        manager,
      );
    });
  }

  private async visibleTherapist(manager: EntityManager, actor: Actor, id: string): Promise<void> {
    const therapist = await therapistAssignments(manager, id);
    if (!therapist || (!seesAllLocations(actor) && !inScope(actor, ...therapist.locationIds))) {
      throw domainError(StaffErrors.therapistNotFound, `No therapist ${id}`);
    }
  }
}
