import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { type Actor, canAccessLocation, locationScope } from '../auth/actor';
import { NotFoundError } from '../common/errors/domain-error';
import { describeConstraints } from '../database/postgres-errors';
import type { CreatePatientDto, PatientQuery, UpdatePatientDto } from './dto/patient.dto';
import { Patient } from './patient.entity';

describeConstraints({
  patients_home_location_id_fkey: {
    field: 'homeLocationId',
    message: 'The home location does not exist',
  },
  patients_date_of_birth_plausible: {
    field: 'dateOfBirth',
    message: 'dateOfBirth must be on or after 1900-01-01',
  },
});

const patientNotFound = (id: string) => new NotFoundError('patient.not_found', `No patient ${id}`);

/**
 * Patient records. Front desk and therapists reach only patients of their locations; outside
 * them a patient does not exist for them (404), so ids cannot be probed. Every read is audited.
 */
@Injectable()
export class PatientsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, input: CreatePatientDto): Promise<Patient> {
    this.assertLocationAllowed(actor, input.homeLocationId);
    return this.dataSource.transaction(async (manager) => {
      const patient = await manager.getRepository(Patient).save({ ...input });
      await this.audit.record(
        { actor, action: 'create', entityType: 'patient', entityId: patient.id },
        manager,
      );
      return patient;
    });
  }

  async get(actor: Actor, id: string): Promise<Patient> {
    const patient = await this.findVisible(this.dataSource.manager, actor, id);
    await this.audit.record({ actor, action: 'read', entityType: 'patient', entityId: id });
    return patient;
  }

  async update(actor: Actor, id: string, input: UpdatePatientDto): Promise<Patient> {
    if (input.homeLocationId) this.assertLocationAllowed(actor, input.homeLocationId);
    return this.dataSource.transaction(async (manager) => {
      await this.findVisible(manager, actor, id, true);
      await manager.getRepository(Patient).update({ id }, { ...input });
      await this.audit.record(
        {
          actor,
          action: 'update',
          entityType: 'patient',
          entityId: id,
          details: { fields: Object.keys(input).sort() },
        },
        manager,
      );
      return manager.getRepository(Patient).findOneByOrFail({ id });
    });
  }

  async list(actor: Actor, query: PatientQuery): Promise<[Patient[], number]> {
    const builder = this.dataSource
      .getRepository(Patient)
      .createQueryBuilder('patient')
      .where('patient.archived_at IS NULL')
      .orderBy('lower(patient.last_name)')
      .addOrderBy('lower(patient.first_name)')
      .addOrderBy('patient.id');
    const scope = locationScope(actor);
    if (scope) builder.andWhere('patient.home_location_id = ANY(:scope)', { scope });
    if (query.locationId)
      builder.andWhere('patient.home_location_id = :locationId', { locationId: query.locationId });
    if (query.dateOfBirth)
      builder.andWhere('patient.date_of_birth = :dateOfBirth', { dateOfBirth: query.dateOfBirth });
    if (query.name) {
      const prefix = `${query.name
        .trim()
        .toLowerCase()
        .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      builder.andWhere(
        '(lower(patient.last_name) LIKE :prefix OR lower(patient.first_name) LIKE :prefix)',
        { prefix },
      );
    }
    const [patients, total] = await builder.take(query.limit).skip(query.offset).getManyAndCount();
    await this.audit.recordMany(
      patients.map((patient) => ({
        actor,
        action: 'read' as const,
        entityType: 'patient',
        entityId: patient.id,
        details: { via: 'list' },
      })),
    );
    return [patients, total];
  }

  private assertLocationAllowed(actor: Actor, locationId: string): void {
    if (!canAccessLocation(actor, locationId)) {
      throw new NotFoundError('location.not_found', `No location ${locationId}`);
    }
  }

  private async findVisible(
    manager: EntityManager,
    actor: Actor,
    id: string,
    forUpdate = false,
  ): Promise<Patient> {
    const patient = await manager.getRepository(Patient).findOne({
      where: { id },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!patient || !canAccessLocation(actor, patient.homeLocationId)) throw patientNotFound(id);
    return patient;
  }
}
