import { PatientErrors } from './patients.errors';
import { domainError } from '../common/errors/error-catalogue';
import { LocationErrors } from '../locations/locations.errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../kernel/actor';
import { inScope, scopeToLocations } from '../kernel/location-scope';
import { describeConstraints } from '../common/errors/postgres-errors';
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
  patients_email_consent_needs_email: {
    field: 'emailConsent',
    message: 'Email consent needs an email address',
  },
});

const patientNotFound = (id: string) =>
  domainError(PatientErrors.patientNotFound, `No patient ${id}`);

/**
 * The visibility rule for a patient row another module read itself (booking reads everything it
 * needs in one query): outside the actor's locations the patient does not exist.
 */
export function assertPatientVisible<T extends { homeLocationId: string }>(
  actor: Actor,
  id: string,
  patient: T | null,
): asserts patient is T {
  if (!patient || !inScope(actor, patient.homeLocationId)) throw patientNotFound(id);
}

/**
 * Patient records. Front desk and therapists reach only patients of their locations; outside
 * them a patient does not exist for them (404), so ids cannot be probed. Every read is audited.
 * Patients are archived, never deleted (the database refuses DELETE).
 */
@Injectable()
export class PatientsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Registers a patient and names the likely duplicates (same name and date of birth) in scope. */
  async create(
    actor: Actor,
    input: CreatePatientDto,
  ): Promise<{ patient: Patient; possibleDuplicates: string[] }> {
    this.assertLocationAllowed(actor, input.homeLocationId);
    return this.dataSource.transaction(async (manager) => {
      const possibleDuplicates = await this.findDuplicates(manager, actor, input);
      const patient = await manager.getRepository(Patient).save({
        ...input,
        emailConsentAt: input.emailConsent ? new Date() : null,
      });
      await this.audit.record(
        {
          actor,
          action: 'create',
          entityType: 'patient',
          entityId: patient.id,
          details: { possibleDuplicates },
        },
        manager,
      );
      return {
        patient: await manager.getRepository(Patient).findOneByOrFail({ id: patient.id }),
        possibleDuplicates,
      };
    });
  }

  async get(actor: Actor, id: string): Promise<Patient> {
    const patient = await this.findVisible(this.dataSource.manager, actor, id);
    await this.audit.record({ actor, action: 'read', entityType: 'patient', entityId: id });
    return patient;
  }

  /**
   * Refuses (404) a patient the actor may not see, without auditing: for modules that check a
   * patient before their own audited read or write.
   */
  async assertVisible(
    actor: Actor,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await this.findVisible(manager, actor, id);
  }

  /**
   * The patient's home location, or null when there is no such patient: for a module that shows
   * its own records to the staff of the patient's clinic (an episode treated elsewhere), without
   * reading the patients table itself.
   */
  async homeLocationOf(
    patientId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string | null> {
    const patient = await manager
      .getRepository(Patient)
      .findOne({ where: { id: patientId }, select: { id: true, homeLocationId: true } });
    return patient?.homeLocationId ?? null;
  }

  /** A patient's date of birth, for the age-based rules of an assessment (red flags, bands). */
  async dateOfBirthOf(
    patientId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string> {
    const patient = await manager
      .getRepository(Patient)
      .findOneOrFail({ where: { id: patientId }, select: { id: true, dateOfBirth: true } });
    return patient.dateOfBirth;
  }

  async update(actor: Actor, id: string, input: UpdatePatientDto): Promise<Patient> {
    if (input.homeLocationId) this.assertLocationAllowed(actor, input.homeLocationId);
    return this.dataSource.transaction(async (manager) => {
      const current = await this.findVisible(manager, actor, id, true);
      const changes: Partial<Patient> = { ...input };
      // The consent time is when consent was last given.
      if (input.emailConsent === true && !current.emailConsent) changes.emailConsentAt = new Date();
      if (input.emailConsent === false) changes.emailConsentAt = null;
      await manager.getRepository(Patient).update({ id }, changes);
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

  /**
   * The patient's own withdrawal of email consent, from an unsubscribe link: no staff actor, so
   * the audit trail records the request instead. Repeating it changes nothing.
   */
  async withdrawEmailConsent(
    patientId: string,
    request: { requestId: string; clientIp?: string },
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [, changed] = await manager.query<[unknown, number]>(
        `UPDATE patients SET email_consent = false, email_consent_at = NULL, updated_at = now()
          WHERE id = $1 AND email_consent`,
        [patientId],
      );
      if (changed === 0) return false;
      await this.audit.record(
        {
          actor: request,
          action: 'update',
          entityType: 'patient',
          entityId: patientId,
          details: { fields: ['emailConsent'], via: 'unsubscribe_link' },
        },
        manager,
      );
      return true;
    });
  }

  async setArchived(actor: Actor, id: string, archived: boolean): Promise<Patient> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.findVisible(manager, actor, id, true);
      if (archived === (current.archivedAt !== null)) {
        throw domainError(
          archived ? PatientErrors.alreadyArchived : PatientErrors.notArchived,
          archived ? `Patient ${id} is already archived` : `Patient ${id} is not archived`,
        );
      }
      await manager
        .getRepository(Patient)
        .update({ id }, { archivedAt: archived ? new Date() : null });
      await this.audit.record(
        {
          actor,
          action: 'update',
          entityType: 'patient',
          entityId: id,
          details: { fields: ['archivedAt'], archived },
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
      .orderBy('lower(patient.last_name)')
      .addOrderBy('lower(patient.first_name)')
      .addOrderBy('patient.id');
    if (!query.includeArchived) builder.andWhere('patient.archived_at IS NULL');
    scopeToLocations(builder, actor, 'patient.home_location_id');
    if (query.locationId) {
      builder.andWhere('patient.home_location_id = :locationId', { locationId: query.locationId });
    }
    if (query.dateOfBirth) {
      builder.andWhere('patient.date_of_birth = :dateOfBirth', { dateOfBirth: query.dateOfBirth });
    }
    if (query.name) {
      const prefix = `${escapeLike(query.name.trim().toLowerCase())}%`;
      builder.andWhere(
        '(lower(patient.last_name) LIKE :prefix OR lower(patient.first_name) LIKE :prefix)',
        { prefix },
      );
    }
    if (query.phone) {
      builder.andWhere('patient.phone_digits LIKE :digits', {
        digits: `%${query.phone.replace(/\D/g, '')}%`,
      });
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

  private async findDuplicates(
    manager: EntityManager,
    actor: Actor,
    input: Pick<CreatePatientDto, 'firstName' | 'lastName' | 'dateOfBirth'>,
  ): Promise<string[]> {
    const builder = manager
      .getRepository(Patient)
      .createQueryBuilder('patient')
      .select('patient.id', 'id')
      .where('lower(patient.last_name) = lower(:lastName)', input)
      .andWhere('lower(patient.first_name) = lower(:firstName)', input)
      .andWhere('patient.date_of_birth = :dateOfBirth', input);
    const rows = await scopeToLocations(builder, actor, 'patient.home_location_id').getRawMany<{
      id: string;
    }>();
    return rows.map((row) => row.id);
  }

  private assertLocationAllowed(actor: Actor, locationId: string): void {
    if (!inScope(actor, locationId)) {
      throw domainError(LocationErrors.locationNotFound, `No location ${locationId}`);
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
    assertPatientVisible(actor, id, patient);
    return patient;
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
