import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { domainError } from '../common/errors/error-catalogue';
import { AppConfig } from '../config/app-config';
import { type Actor, seesAllLocations } from '../kernel/actor';
import { CLINICS_SQL } from '../locations/location-report.sql';
import { LocationErrors } from '../locations/locations.errors';
import type { ReportQueryDto } from './dto/report-query.dto';
import type { ReportBody } from './dto/report.dto';
import { FIGURES, type FigureKey } from './figures/figures';
import type { ReportFigure } from './figures/report-figure';
import { readsRollUp, reportStatement, type ReportRequest } from './report-query';
import { ReportingErrors } from './reporting.errors';
import { figureRecords } from './rules/figure-csv';
import { figureRow, type SummedRow, totalsOf } from './rules/figure-rows';
import { VISIT_EXPORT_COLUMNS, VisitExportService } from './visit-export.service';
import { localBuckets } from './rules/local-buckets';
import { dayAfter, rangeProblems } from './rules/report-range';
import { VisitDaysService } from './visit-days/visit-days.service';

/**
 * Report figures: who may read which, what a request means (local dates, scope, splits), the
 * one statement that adds a figure up, and the audit row of every read.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly visitExport: VisitExportService,
    private readonly visitDays: VisitDaysService,
  ) {}

  figure(key: FigureKey): ReportFigure {
    return FIGURES.find((figure) => figure.key === key)!;
  }

  /** The figures the actor may read. */
  catalogue(actor: Actor): ReportFigure[] {
    return FIGURES.filter((figure) => this.mayRead(actor, figure));
  }

  async report(
    actor: Actor,
    key: FigureKey,
    query: ReportQueryDto,
    action: 'read' | 'export' = 'read',
  ): Promise<ReportBody> {
    const figure = this.figure(key);
    const request = await this.requestOf(actor, figure, query);
    const { sql, parameters } = reportStatement(figure, request);
    // Every booking and change committed before this read is in the roll-up it reads.
    if (readsRollUp(figure, request)) await this.visitDays.foldStaleDays();
    // A report's plan is estimated from generate_series's default thousand rows; with JIT on, the
    // server spent over a second compiling a statement that runs in milliseconds.
    const rows = await this.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL jit = off');
      return manager.query<Record<string, unknown>[]>(sql, parameters);
    });
    const summed = rows.map((row) => this.summedRow(figure, row));
    const minimum = this.config.reports.minimumCellEpisodes;
    await this.audited(actor, action, figure.key, query, request);
    return {
      figure: figure.key,
      definition: figure.description,
      range: { from: query.from, to: query.to },
      period: request.period,
      by: request.by,
      rows: summed.map((row) => figureRow(figure, row, minimum)),
      totals: totalsOf(figure, summed, minimum, this.lastPeriod(request)),
    };
  }

  /** A figure as CSV records: a header, its rows, then the totals (period `total`). */
  async figureCsv(actor: Actor, key: FigureKey, query: ReportQueryDto): Promise<Readable> {
    const figure = this.figure(key);
    const body = await this.report(actor, key, query, 'export');
    return Readable.from(figureRecords(figure, body)).pipe(stringify());
  }

  /**
   * Every visit of the selection as CSV, streamed from a cursor: checked and audited before the
   * first byte, so a refusal is still a problem+json answer.
   */
  async visitsCsv(actor: Actor, query: ReportQueryDto): Promise<Readable> {
    const figure = this.figure('visits');
    const request = await this.requestOf(actor, figure, { ...query, by: undefined });
    await this.audited(actor, 'export', 'visit-list', query, request);
    return Readable.from(this.visitExport.rows(request)).pipe(
      stringify({ header: true, columns: [...VISIT_EXPORT_COLUMNS], cast: { boolean: String } }),
    );
  }

  private async audited(
    actor: Actor,
    action: 'read' | 'export',
    report: string,
    query: ReportQueryDto,
    request: ReportRequest,
  ): Promise<void> {
    await this.audit.record({
      actor,
      action,
      entityType: 'report',
      entityId: report,
      details: {
        from: query.from,
        to: query.to,
        period: request.period,
        by: request.by,
        locationIds: query.locationId ?? null,
        therapistIds: request.therapistIds,
        payers: request.payers,
      },
    });
  }

  /**
   * The clinics an operational list covers for the actor (null for every clinic), refusing as
   * the operational figures do.
   */
  async operationalScope(actor: Actor, asked: string[] | undefined): Promise<string[] | null> {
    if (!this.mayRead(actor, this.figure('visits'))) {
      throw domainError(
        ReportingErrors.reportNotOpen,
        'Reports are for admins only here (REPORTS_STAFF_ACCESS=admins)',
      );
    }
    return this.locationsOf(actor, asked);
  }

  private mayRead(actor: Actor, figure: ReportFigure): boolean {
    if (seesAllLocations(actor)) return true;
    return figure.audience === 'operational' && this.config.reports.staffAccess === 'own_clinics';
  }

  private async requestOf(
    actor: Actor,
    figure: ReportFigure,
    query: ReportQueryDto,
  ): Promise<ReportRequest> {
    if (!this.mayRead(actor, figure)) {
      throw domainError(
        ReportingErrors.reportNotOpen,
        figure.audience === 'clinical'
          ? `The ${figure.key} figures are for admins only`
          : `Reports are for admins only here (REPORTS_STAFF_ACCESS=admins)`,
      );
    }
    const problems = rangeProblems(query.from, query.to);
    if (query.by && !figure.dimensions.includes(query.by)) {
      problems.push({
        field: 'by',
        reason: `the ${figure.key} figure splits by ${figure.dimensions.join(', ')} only`,
      });
    }
    if (query.payer && !figure.byPayer) {
      problems.push({ field: 'payer', reason: `the ${figure.key} figure has no payer` });
    }
    if (problems.length > 0) {
      throw domainError(
        ReportingErrors.reportInvalid,
        'The report cannot be made as asked',
        problems,
      );
    }
    return {
      from: query.from,
      toExclusive: dayAfter(query.to),
      locationIds: await this.locationsOf(actor, query.locationId),
      therapistIds: query.therapistId ?? null,
      payers: query.payer ?? null,
      period: query.period ?? null,
      by: query.by ?? null,
    };
  }

  /**
   * The clinics a report covers: those asked for, each of which must exist and be the actor's
   * (else 404, as for any record outside their clinics), or all the actor's clinics.
   */
  private async locationsOf(actor: Actor, asked: string[] | undefined): Promise<string[] | null> {
    const all = seesAllLocations(actor);
    if (!asked) return all ? null : [...actor.locationIds];
    const ids = [...new Set(asked)];
    const [{ known }] = await this.dataSource.query<{ known: number }[]>(
      `SELECT count(*)::int AS known FROM ${CLINICS_SQL} clinic WHERE clinic.id = ANY($1::uuid[])`,
      [ids],
    );
    const outside = all ? [] : ids.filter((id) => !actor.locationIds.includes(id));
    if (known < ids.length || outside.length > 0) {
      throw domainError(LocationErrors.locationNotFound, 'No such clinic among yours', [
        { field: 'locationId', reason: 'names a clinic that does not exist or is not yours' },
      ]);
    }
    return ids;
  }

  /** The period of the request's last local day: what a count at the period's end totals to. */
  private lastPeriod(request: ReportRequest): string | null {
    return localBuckets(request.from, request.toExclusive, request.period, null).at(-1)!.period;
  }

  private summedRow(figure: ReportFigure, row: Record<string, unknown>): SummedRow {
    const sums: Record<string, number> = {};
    for (const measure of figure.measures) sums[measure.key] = Number(row[measure.key] ?? 0);
    return {
      period: (row.period as string | null) ?? null,
      groupId: (row.group_id as string | null) ?? null,
      groupLabel: (row.group_label as string | null) ?? null,
      sums,
    };
  }
}
