import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { domainError } from '../common/errors/error-catalogue';
import type { FieldError } from '../common/errors/domain-error';
import type { Actor } from '../kernel/actor';
import { CLINIC_CONTACT, clinicContactSql } from '../locations/location-facts.sql';
import { PATIENT_CONTACT, patientContactSql } from '../patients/patient-facts.sql';
import type { HomeProgrammeEmailDto } from './dto/home-programme.dto';
import { HOME_PROGRAMME_FACTS, homeProgrammeFactsSql } from './home-programme-facts.sql';
import { HomeProgrammeDocuments } from './home-programme-documents.service';
import { HomeProgrammeSenders } from './home-programme.port';
import { currentRevision, type PlanCase } from './plan-case';
import { PlansErrors } from './plans.errors';
import { PlansService } from './plans.service';
import { type HomeProgrammeFacts, homeProgrammeSheet } from '../plans/rules/home-programme-sheet';
import {
  homeExercisesOf,
  type HomeProgrammeRefusal,
  homeProgrammeRefusal,
} from './rules/home-programme';

interface PatientContact {
  email: string | null;
  emailConsent: boolean;
  archived: boolean;
}

/**
 * Sends a patient the home exercise programme of their plan of care by email, through the
 * module that emails patients (the home-programme port): once per plan revision, so a second
 * click sends nothing more while an amendment's programme can be sent again.
 */
@Injectable()
export class HomeProgrammeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: PlansService,
    private readonly senders: HomeProgrammeSenders,
    private readonly audit: AuditService,
    private readonly documents: HomeProgrammeDocuments,
  ) {}

  async send(actor: Actor, planId: string): Promise<HomeProgrammeEmailDto> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.plans.visible(actor, planId, manager, true);
      const current = programmeRevision(plan);
      const patientId = plan.episode.patientId;
      const problems = notEmailable(await this.contact(manager, patientId));
      if (problems.length > 0) {
        throw domainError(
          PlansErrors.homeProgrammePatientNotEmailable,
          'The patient cannot be emailed: hand the programme over on paper',
          problems,
        );
      }
      const email = await this.senders.send(manager, {
        planId,
        planRevisionId: current.id,
        revision: current.revision,
        patientId,
        episodeId: plan.episode.id,
        timeZone: plan.timeZone,
      });
      await this.audit.record(
        {
          actor,
          action: 'create',
          entityType: 'notification',
          entityId: email.notificationId,
          patientId,
          details: {
            kind: 'home_exercise_programme',
            planId,
            revision: current.revision,
            alreadyRequested: !email.planned,
          },
        },
        manager,
      );
      return {
        planId,
        revision: current.revision,
        exercises: homeExercisesOf(current.content.interventions).length,
        notificationId: email.notificationId,
        status: email.status,
        sendAt: email.sendAt.toISOString(),
        alreadyRequested: !email.planned,
      };
    });
  }

  /**
   * The programme of the plan in force as the PDF the email carries, to print for a patient who
   * is not emailed: the same checks as sending, less the email's own.
   */
  async printable(actor: Actor, planId: string): Promise<Buffer> {
    const plan = await this.plans.visible(actor, planId, this.dataSource.manager);
    const current = programmeRevision(plan);
    const [facts] = await this.dataSource.query<HomeProgrammeFacts[]>(
      `SELECT patient."firstName", clinic.name AS "clinicName", clinic."addressLines" AS "clinicAddress",
              clinic.phone AS "clinicPhone", clinic."timeZone", programme."therapistName",
              programme."therapistCredential", programme."issuedAt" AS "programmeIssuedAt",
              programme.exercises
         FROM json_to_record(${homeProgrammeFactsSql('$1::uuid')}) AS programme (${HOME_PROGRAMME_FACTS.columns})
        CROSS JOIN json_to_record(${patientContactSql('$2::uuid')}) AS patient (${PATIENT_CONTACT.columns})
        CROSS JOIN json_to_record(${clinicContactSql('$3::uuid')}) AS clinic (${CLINIC_CONTACT.columns})`,
      [current.id, plan.episode.patientId, plan.episode.locationId],
    );
    await this.audit.record({
      actor,
      action: 'export',
      entityType: 'plan_of_care',
      entityId: planId,
      patientId: plan.episode.patientId,
      details: { document: 'home_exercise_programme', revision: current.revision },
    });
    return this.documents.pdf(homeProgrammeSheet(facts));
  }

  private async contact(manager: EntityManager, patientId: string): Promise<PatientContact> {
    const [contact] = await manager.query<PatientContact[]>(
      `SELECT c.email, c."emailConsent", c.archived
         FROM json_to_record(${patientContactSql('$1::uuid')}) AS c (${PATIENT_CONTACT.columns})`,
      [patientId],
    );
    return contact;
  }
}

/** The revision in force, when its home programme may be given: otherwise the 422 saying why. */
function programmeRevision(plan: PlanCase) {
  const current = currentRevision(plan);
  const refusal = homeProgrammeRefusal({
    status: plan.status,
    revision: current.revision,
    awaitingSignature: current.requiresSignature && current.signedAt === null,
    interventions: current.content.interventions,
  });
  if (refusal) throw refused(refusal);
  return current;
}

/** Why the patient cannot get the email, by field (none when they can). */
function notEmailable(contact: PatientContact): FieldError[] {
  const problems: FieldError[] = [];
  if (contact.archived) problems.push({ field: 'patient', reason: 'is archived' });
  if (!contact.emailConsent) {
    problems.push({ field: 'patient.emailConsent', reason: 'the patient has not agreed to email' });
  }
  if (!contact.email) {
    problems.push({ field: 'patient.email', reason: 'no email address on file' });
  }
  return problems;
}

const WHAT_TO_DO: Partial<Record<string, string>> = {
  draft: ': sign it first',
  on_hold: ': resume it first',
};

function refused(refusal: HomeProgrammeRefusal) {
  switch (refusal.reason) {
    case 'plan_not_active':
      return domainError(
        PlansErrors.homeProgrammePlanNotActive,
        `A ${refusal.status.replace('_', ' ')} plan sends no home programme${WHAT_TO_DO[refusal.status] ?? ''}`,
        [{ field: 'status', reason: `is ${refusal.status}, not active` }],
      );
    case 'awaiting_signature':
      return domainError(
        PlansErrors.homeProgrammeAwaitingSignature,
        `Revision ${refusal.revision} awaits a signature: sign it, then send its programme`,
        [{ field: 'revision', reason: `${refusal.revision} is not signed` }],
      );
    case 'no_home_exercises':
      return domainError(
        PlansErrors.homeProgrammeEmpty,
        'The plan has no home exercises: amend it to add some',
        [{ field: 'interventions', reason: 'none in the home_exercise_programme category' }],
      );
  }
}
