import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { describeConstraints } from '../common/errors/postgres-errors';
import { EpisodesService } from '../intake/episodes.service';
import type { Actor } from '../kernel/actor';
import { CommonErrors } from '../common/errors/common.errors';
import { domainError } from '../common/errors/error-catalogue';
import { therapistQualificationsSql } from '../staff/therapist-facts.sql';
import type { RecordedDto } from './dto/records.dto';

describeConstraints({
  referrals_expire_after_referred: {
    field: 'expiresOn',
    message: 'expiresOn must be on or after referredOn',
  },
  plan_signatures_period_after_signature: {
    field: 'periodEnd',
    message: 'periodEnd must be on or after signedOn',
  },
  progress_reports_therapist_id_fkey: { field: 'therapistId', message: 'No such therapist' },
});

/** Each kind of record: its table, and its columns from the request's fields. */
const KINDS = {
  referral: {
    table: 'referrals',
    columns: {
      providerName: 'provider_name',
      profession: 'profession',
      npi: 'npi',
      referredOn: 'referred_on',
      diagnosisCode: 'diagnosis_code',
      visitsAuthorised: 'visits_authorised',
      expiresOn: 'expires_on',
    },
  },
  plan_signature: {
    table: 'plan_signatures',
    columns: {
      signerName: 'signer_name',
      profession: 'profession',
      npi: 'npi',
      kind: 'kind',
      signedOn: 'signed_on',
      periodEnd: 'period_end',
      documentReference: 'document_reference',
    },
  },
  physician_notification: {
    table: 'physician_notifications',
    columns: { kind: 'kind', sentOn: 'sent_on', recipient: 'recipient', method: 'method' },
  },
  disclosure: { table: 'patient_disclosures', columns: { form: 'form', signedOn: 'signed_on' } },
  physician_clearance: {
    table: 'physician_clearances',
    columns: {
      clearedByName: 'cleared_by_name',
      profession: 'profession',
      npi: 'npi',
      clearedAt: 'cleared_at',
      documentReference: 'document_reference',
    },
  },
  progress_report: {
    table: 'progress_reports',
    columns: { reportedOn: 'reported_on', therapistId: 'therapist_id' },
  },
} as const;

export type RecordKind = keyof typeof KINDS;

/**
 * The documents an episode's direct access turns on, recorded as they happen and never edited
 * (the tables are append-only): referrals, plan signatures, physician notifications, disclosures
 * the patient signed, physicians' clearances of red flags, and progress reports.
 */
@Injectable()
export class RecordsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly episodes: EpisodesService,
    private readonly audit: AuditService,
  ) {}

  async record(
    actor: Actor,
    episodeId: string,
    kind: RecordKind,
    input: object,
  ): Promise<RecordedDto> {
    const { table, columns } = KINDS[kind];
    const fields = Object.entries(columns).filter(
      ([field]) => (input as Record<string, unknown>)[field] !== undefined,
    );
    await this.assertPlausible(kind, input as Record<string, unknown>);
    return this.dataSource.transaction(async (manager) => {
      const episode = await this.episodes.findVisible(actor, episodeId, manager);
      const values = fields.map(([field]) => (input as Record<string, unknown>)[field]);
      const [row] = await manager.query<{ id: string; recorded_at: Date }[]>(
        `INSERT INTO ${table} (episode_id, recorded_by, ${fields.map(([, column]) => column).join(', ')})
         VALUES ($1, $2, ${fields.map((_, i) => `$${i + 3}`).join(', ')}) RETURNING id, recorded_at`,
        [episodeId, actor.userId, ...values],
      );
      await this.audit.record(
        {
          actor,
          action: 'create',
          entityType: kind,
          entityId: row.id,
          patientId: episode.patientId,
          details: { episodeId },
        },
        manager,
      );
      return {
        id: row.id,
        episodeId,
        kind,
        recordedBy: actor.userId,
        recordedAt: row.recorded_at.toISOString(),
      };
    });
  }

  /**
   * What the schema cannot say: a clearance is not dated ahead (it would lift a hold before the
   * physician saw the patient), and a progress report is a physical therapist's.
   */
  private async assertPlausible(kind: RecordKind, input: Record<string, unknown>): Promise<void> {
    if (kind === 'physician_clearance' && Date.parse(String(input.clearedAt)) > Date.now()) {
      throw domainError(CommonErrors.validationFailed, 'clearedAt is in the future', [
        { field: 'clearedAt', reason: 'a clearance cannot be dated after now' },
      ]);
    }
    if (kind === 'progress_report') {
      const [{ q }] = await this.dataSource.query<{ q: { credential: string | null } | null }[]>(
        `SELECT ${therapistQualificationsSql('$1::uuid')} AS q`,
        [input.therapistId],
      );
      if (q?.credential !== 'PT') {
        throw domainError(
          CommonErrors.validationFailed,
          'therapistId is not a physical therapist',
          [
            {
              field: 'therapistId',
              reason: 'a progress report is written by a physical therapist (PT)',
            },
          ],
        );
      }
    }
  }
}
