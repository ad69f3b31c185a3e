import { Injectable, type OnModuleInit } from '@nestjs/common';
import { patientEpisodesSql } from '../intake/episode-facts.sql';
import { type TimelineSource, TimelineSources } from '../patients/timeline.port';

/**
 * The documents direct access keeps on a patient's episodes, on the patient's timeline: when a
 * referral, a plan signature, a notice to the physician, a signed disclosure, a physician's
 * clearance or a progress report was put on file.
 */
@Injectable()
export class DirectAccessTimelineSource implements TimelineSource, OnModuleInit {
  readonly name = 'direct_access';

  constructor(private readonly sources: TimelineSources) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  sql(patient: string): string {
    const episodes = `(SELECT (own->>'id')::uuid AS id, (own->>'locationId')::uuid AS location_id
                         FROM json_array_elements(${patientEpisodesSql(patient)}) own)`;
    const item = (table: string, kind: string, title: string, details: string) =>
      `SELECT doc.recorded_at AS occurred_at, '${kind}' AS kind, doc.id, ${title} AS title,
              'on_file' AS status, ep.location_id, json_build_object('episodeId', doc.episode_id, ${details}) AS details
         FROM ${table} doc JOIN ${episodes} ep ON ep.id = doc.episode_id`;
    return [
      item(
        'referrals',
        'referral',
        `'Referral from ' || doc.provider_name`,
        `'profession', doc.profession, 'referredOn', doc.referred_on, 'diagnosisCode', doc.diagnosis_code, 'visitsAuthorised', doc.visits_authorised, 'expiresOn', doc.expires_on`,
      ),
      item(
        'plan_signatures',
        'plan_signature',
        `'Plan of care ' || replace(doc.kind, '_', ' ') || ' by ' || doc.signer_name`,
        `'profession', doc.profession, 'signedOn', doc.signed_on, 'periodEnd', doc.period_end`,
      ),
      item(
        'physician_notifications',
        'physician_notification',
        `replace(doc.kind, '_', ' ') || ' sent to ' || doc.recipient`,
        `'sentOn', doc.sent_on, 'method', doc.method`,
      ),
      item(
        'patient_disclosures',
        'disclosure',
        `doc.form || ' signed'`,
        `'signedOn', doc.signed_on`,
      ),
      item(
        'physician_clearances',
        'physician_clearance',
        `'Cleared by ' || doc.cleared_by_name`,
        `'clearedAt', doc.cleared_at, 'documentReference', doc.document_reference`,
      ),
      item(
        'progress_reports',
        'progress_report',
        `'Progress report'`,
        `'reportedOn', doc.reported_on, 'therapistId', doc.therapist_id`,
      ),
    ].join('\n UNION ALL \n');
  }
}
