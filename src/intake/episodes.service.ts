import { IntakeErrors } from './intake.errors';
import { domainError } from '../common/errors/error-catalogue';
import { LocationErrors } from '../locations/locations.errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../kernel/actor';
import { inScope } from '../kernel/location-scope';
import { describeConstraints } from '../common/errors/postgres-errors';
import { PatientsService } from '../patients/patients.service';
import { LocationsService } from '../locations/locations.service';
import { Assessment, AssessmentAmendment, RedFlagDecision } from './assessment.entity';
import { type AssessmentView, viewOf } from './assessment-view';
import type { CloseEpisodeDto, OpenEpisodeDto } from './dto/episode.dto';
import { EpisodeListeners } from './episode-listener.port';
import { EpisodeOfCare } from './episode.entity';

describeConstraints({
  episodes_one_open_per_region: {
    field: 'bodyRegion',
    message: 'The patient already has an open episode for this body region',
  },
  episodes_closed_after_opened: {
    field: 'closedOn',
    message: 'closedOn must be on or after the day the episode opened',
  },
});

/** Episodes of care, and the views of their assessments that other modules rely on. */
@Injectable()
export class EpisodesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly patients: PatientsService,
    private readonly audit: AuditService,
    private readonly locations: LocationsService,
    private readonly listeners: EpisodeListeners,
  ) {}

  async open(actor: Actor, patientId: string, input: OpenEpisodeDto): Promise<EpisodeOfCare> {
    if (!inScope(actor, input.locationId)) {
      throw domainError(LocationErrors.locationNotFound, `No location ${input.locationId}`);
    }
    return this.dataSource.transaction(async (manager) => {
      await this.patients.assertVisible(actor, patientId, manager);
      const episode = await manager.getRepository(EpisodeOfCare).save({
        ...input,
        patientId,
        status: 'open' as const,
        createdBy: actor.userId,
      });
      await this.audit.record(
        { actor, action: 'create', entityType: 'episode', entityId: episode.id },
        manager,
      );
      return episode;
    });
  }

  async listForPatient(actor: Actor, patientId: string): Promise<EpisodeOfCare[]> {
    await this.patients.assertVisible(actor, patientId);
    const episodes = await this.dataSource
      .getRepository(EpisodeOfCare)
      .find({ where: { patientId }, order: { openedOn: 'DESC', createdAt: 'DESC' } });
    await this.audit.recordMany(
      episodes.map((episode) => ({
        actor,
        action: 'read' as const,
        entityType: 'episode',
        entityId: episode.id,
      })),
    );
    return episodes;
  }

  async get(actor: Actor, id: string): Promise<EpisodeOfCare> {
    const episode = await this.findVisible(actor, id);
    await this.audit.record({ actor, action: 'read', entityType: 'episode', entityId: id });
    return episode;
  }

  async close(actor: Actor, id: string, input: CloseEpisodeDto): Promise<EpisodeOfCare> {
    return this.dataSource.transaction(async (manager) => {
      const episode = await this.findVisible(actor, id, manager, true);
      if (episode.status === 'closed') {
        throw domainError(IntakeErrors.episodeClosed, `Episode ${id} is already closed`);
      }
      if (input.closedOn < episode.openedOn) {
        throw domainError(
          IntakeErrors.episodeClosedBeforeOpened,
          'closedOn is before the episode opened',
          [{ field: 'closedOn', reason: `closedOn must be on or after ${episode.openedOn}` }],
        );
      }
      await manager
        .getRepository(EpisodeOfCare)
        .update(
          { id },
          { status: 'closed', closedOn: input.closedOn, dischargeReason: input.reason ?? null },
        );
      await this.audit.record(
        {
          actor,
          action: 'update',
          entityType: 'episode',
          entityId: id,
          details: { fields: ['status'] },
        },
        manager,
      );
      const zones = await this.locations.zonesOf([episode.locationId], manager);
      await this.listeners.episodeClosed(manager, {
        id,
        patientId: episode.patientId,
        closedOn: input.closedOn,
        timeZone: zones.get(episode.locationId)!,
      });
      return manager.getRepository(EpisodeOfCare).findOneByOrFail({ id });
    });
  }

  /** The episode if the actor may see it: it is treated at, or its patient belongs to, their clinics. */
  async findVisible(
    actor: Actor,
    id: string,
    manager: EntityManager = this.dataSource.manager,
    forUpdate = false,
  ): Promise<EpisodeOfCare> {
    const episode = await manager.getRepository(EpisodeOfCare).findOne({
      where: { id },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    const notFound = domainError(IntakeErrors.episodeNotFound, `No episode ${id}`);
    if (!episode) throw notFound;
    // Treated at one of the actor's clinics, or the patient belongs to one of them.
    if (inScope(actor, episode.locationId)) return episode;
    const home = await this.patients.homeLocationOf(episode.patientId, manager);
    if (!inScope(actor, home)) throw notFound;
    return episode;
  }

  /** Current views of assessments: latest amendment applied, decisions attached; two queries. */
  async views(manager: EntityManager, assessments: Assessment[]): Promise<AssessmentView[]> {
    if (assessments.length === 0) return [];
    const ids = assessments.map((assessment) => assessment.id);
    const [amendments, decisions] = await Promise.all([
      manager.getRepository(AssessmentAmendment).find({ where: { assessmentId: In(ids) } }),
      manager.getRepository(RedFlagDecision).find({ where: { assessmentId: In(ids) } }),
    ]);
    return assessments.map((assessment) =>
      viewOf(
        assessment,
        amendments.filter((amendment) => amendment.assessmentId === assessment.id),
        decisions.filter((decision) => decision.assessmentId === assessment.id),
      ),
    );
  }
}
