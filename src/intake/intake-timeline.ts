import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Actor } from '../kernel/actor';
import { Role } from '../kernel/role';
import { type TimelineSource, TimelineSources } from '../patients/timeline.port';

/**
 * A patient's episodes of care (opened, closed) and, for clinicians, their assessments on the
 * timeline. Episodes are seen by the staff of the patient's clinic wherever they are treated.
 */
@Injectable()
export class IntakeTimelineSource implements TimelineSource, OnModuleInit {
  readonly name = 'intake';

  constructor(private readonly sources: TimelineSources) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  sql(patient: string, _scope: string, actor: Actor): string {
    const episodes = `SELECT episode.created_at AS occurred_at, 'episode' AS kind, episode.id,
                             episode.condition AS title, episode.status, episode.location_id,
                             json_build_object('bodyRegion', episode.body_region,
                                               'openedOn', episode.opened_on,
                                               'closedOn', episode.closed_on) AS details
                        FROM episodes_of_care episode WHERE episode.patient_id = ${patient}`;
    if (actor.role === Role.FrontDesk) return episodes;
    return `${episodes}
      UNION ALL
      SELECT coalesce(assessment.signed_at, assessment.created_at), 'assessment', assessment.id,
             replace(assessment.kind, '_', ' '), assessment.status, of_episode.location_id,
             json_build_object('episodeId', assessment.episode_id,
                               'assessedOn', assessment.assessed_on,
                               'redFlagScreen', assessment.screen_disposition,
                               'instruments', (SELECT coalesce(json_agg(instrument->>'instrument'), '[]')
                                                 FROM jsonb_array_elements(assessment.instruments) instrument))
        FROM assessments assessment
        JOIN episodes_of_care of_episode ON of_episode.id = assessment.episode_id
       WHERE of_episode.patient_id = ${patient}`;
  }
}
