import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { staffNameSql } from '../auth/staff-names.sql';
import { CLINICS_SQL } from '../locations/location-report.sql';
import { patientPayerSql } from '../patients/patient-facts.sql';
import { visitsStartingSql } from '../scheduling/appointment-report.sql';
import type { ReportRequest } from './report-query';

/** Rows fetched from the cursor at a time: memory holds one batch, whatever the range. */
const BATCH = 2000;

/** The columns of a visit export, in order, as its CSV header names them. */
export const VISIT_EXPORT_COLUMNS = [
  'appointment_id',
  'clinic',
  'local_date',
  'local_time',
  'weekday',
  'minutes',
  'therapist_id',
  'therapist',
  'status',
  'late_cancellation',
  'series_id',
  'payer',
] as const;

export type VisitExportRow = Record<(typeof VISIT_EXPORT_COLUMNS)[number], unknown>;

/**
 * Every visit of a report's selection, one row each (no patient's name or contact), read through
 * a server-side cursor in one snapshot so that a year of a group's visits streams in flat memory.
 */
@Injectable()
export class VisitExportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async *rows(request: ReportRequest): AsyncGenerator<VisitExportRow> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET LOCAL jit = off');
      await runner.query(
        `DECLARE visit_export NO SCROLL CURSOR FOR
         SELECT visit.id AS appointment_id, loc.name AS clinic,
                to_char(visit.starts_at AT TIME ZONE loc.time_zone, 'YYYY-MM-DD') AS local_date,
                to_char(visit.starts_at AT TIME ZONE loc.time_zone, 'HH24:MI') AS local_time,
                trim(to_char(visit.starts_at AT TIME ZONE loc.time_zone, 'Day')) AS weekday,
                (extract(epoch FROM visit.ends_at - visit.starts_at) / 60)::int AS minutes,
                visit.therapist_id, ${staffNameSql('visit.therapist_id')} AS therapist,
                visit.status, visit.late_cancellation, visit.series_id,
                ${patientPayerSql('visit.patient_id')} AS payer
           FROM (SELECT clinic.id, clinic.name, clinic.time_zone,
                        ($2::date)::timestamp AT TIME ZONE clinic.time_zone AS lo,
                        ($3::date)::timestamp AT TIME ZONE clinic.time_zone AS hi
                   FROM ${CLINICS_SQL} clinic
                  WHERE $1::uuid[] IS NULL OR clinic.id = ANY($1::uuid[])) loc
           CROSS JOIN LATERAL ${visitsStartingSql('loc.id', 'loc.lo', 'loc.hi')} visit
          WHERE ($4::uuid[] IS NULL OR visit.therapist_id = ANY($4::uuid[]))
            AND ($5::text[] IS NULL OR ${patientPayerSql('visit.patient_id')} = ANY($5::text[]))
          ORDER BY loc.name, loc.id, visit.starts_at, visit.id`,
        [
          request.locationIds,
          request.from,
          request.toExclusive,
          request.therapistIds,
          request.payers,
        ],
      );
      for (;;) {
        const batch = (await runner.query(`FETCH ${BATCH} FROM visit_export`)) as VisitExportRow[];
        if (batch.length === 0) break;
        yield* batch;
      }
    } finally {
      // Read-only: ending the transaction closes the cursor, whether the export finished or the
      // client went away half way.
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  }
}
