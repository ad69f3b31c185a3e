import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../kernel/actor';
import { describeConstraints } from '../common/errors/postgres-errors';
import type { AppointmentTypeDto, UpdateAppointmentTypeDto } from './dto/appointment-type.dto';
import { AppointmentType } from './entities/appointment-type.entity';
import { SchedulingErrors } from './scheduling.errors';
import { domainError } from '../common/errors/error-catalogue';

describeConstraints({
  appointment_types_code_key: {
    field: 'code',
    message: 'An appointment type with this code exists',
  },
});

/** The kinds of visit a clinic group offers: duration, buffers, room, who may deliver them. */
@Injectable()
export class AppointmentTypesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async createType(actor: Actor, input: AppointmentTypeDto): Promise<AppointmentType> {
    return this.dataSource.transaction(async (manager) => {
      const type = await manager.save(AppointmentType, {
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 0,
        groupCapacity: 1,
        treatment: true,
        purpose: 'treatment',
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
      if (!type)
        throw domainError(SchedulingErrors.appointmentTypeNotFound, `No appointment type ${id}`);
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

  /** Every type by name, or only the active (or only the retired) ones. */
  listTypes(active?: boolean): Promise<AppointmentType[]> {
    return this.dataSource.getRepository(AppointmentType).find({
      where: active === undefined ? {} : { active },
      order: { name: 'ASC', id: 'ASC' },
    });
  }

  async getType(id: string): Promise<AppointmentType> {
    const type = await this.dataSource.getRepository(AppointmentType).findOneBy({ id });
    if (!type)
      throw domainError(SchedulingErrors.appointmentTypeNotFound, `No appointment type ${id}`);
    return type;
  }

  /**
   * Retires a type: it can no longer be booked, while visits already booked keep it. Retiring a
   * retired type changes nothing.
   */
  async retireType(actor: Actor, id: string): Promise<AppointmentType> {
    const type = await this.getType(id);
    return type.active ? this.updateType(actor, id, { active: false }) : type;
  }
}
