import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../kernel/actor';
import { CLINICS_SQL } from '../locations/location-report.sql';
import { PlanMedicareReader } from '../plans/plan-medicare.service';
import type { MedicareDutiesDto, MedicareDutiesQueryDto } from './dto/medicare-duties.dto';
import { ReportsService } from './reports.service';
import {
  countMedicareDuties,
  MEDICARE_DUTY_COUNTS,
  noMedicareDuties,
} from './rules/medicare-duties';

/**
 * Medicare's certifications, recertifications and progress reports due and overdue today, per
 * clinic: a count of what stands now rather than a figure over a period, because the dates are
 * the plans of care's own (direct access's rules over the records and visits, read by plans), not
 * rows SQL could add up without working the rules out a second time. Read as the operational
 * figures are, and audited.
 */
@Injectable()
export class MedicareDutiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportsService,
    private readonly plans: PlanMedicareReader,
    private readonly audit: AuditService,
  ) {}

  async counts(
    actor: Actor,
    query: MedicareDutiesQueryDto,
    action: 'read' | 'export' = 'read',
  ): Promise<MedicareDutiesDto> {
    const locationIds = await this.reports.operationalScope(actor, query.locationId);
    const plans = await this.plans.inForce(locationIds);
    const clinics = await this.dataSource.query<{ id: string; name: string }[]>(
      `SELECT clinic.id, clinic.name FROM ${CLINICS_SQL} clinic
        WHERE clinic.id = ANY($1::uuid[]) ORDER BY clinic.name, clinic.id`,
      [[...new Set(plans.map((plan) => plan.locationId))]],
    );
    const rows = clinics.map((clinic) => {
      const own = plans.filter((plan) => plan.locationId === clinic.id);
      return {
        locationId: clinic.id,
        clinic: clinic.name,
        asOf: own[0].asOf,
        counts: own.reduce(countMedicareDuties, noMedicareDuties()),
      };
    });
    const totals = noMedicareDuties();
    for (const key of MEDICARE_DUTY_COUNTS) {
      totals[key] = rows.reduce((sum, row) => sum + row.counts[key], 0);
    }
    await this.audit.record({
      actor,
      action,
      entityType: 'report',
      entityId: 'medicare-duties',
      details: { locationIds: query.locationId ?? null },
    });
    return { rows, totals };
  }

  /** The counts as CSV records: a header, a record per clinic, then the totals (`total`). */
  async csv(actor: Actor, query: MedicareDutiesQueryDto): Promise<Readable> {
    const { rows, totals } = await this.counts(actor, query, 'export');
    const records = [
      ['location_id', 'clinic', 'as_of', ...MEDICARE_DUTY_COUNTS],
      ...rows.map((row) => [
        row.locationId,
        row.clinic,
        row.asOf,
        ...MEDICARE_DUTY_COUNTS.map((key) => row.counts[key]),
      ]),
      ['', 'total', '', ...MEDICARE_DUTY_COUNTS.map((key) => totals[key])],
    ];
    return Readable.from(records).pipe(stringify());
  }
}
