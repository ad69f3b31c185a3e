import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiExcludeController, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { DateTime } from 'luxon';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CALENDAR_DATE } from '../../common/validation-patterns';
import type { Actor } from '../../kernel/actor';
import { CurrentActor, Public } from '../../kernel/decorators';
import { csvFile, csvFileOfToday } from '../csv-file';
import { MedicareDutiesQueryDto } from '../dto/medicare-duties.dto';
import { MedicareDutiesService } from '../medicare-duties.service';
import { ReportQueryDto } from '../dto/report-query.dto';
import type { FigureKey } from '../figures/figures';
import { ReportsService } from '../reports.service';
import { dashboardModel, dashboardRange } from './dashboard-model';
import { DASHBOARD_SCRIPT, dashboardHtml } from './dashboard-page';

export const REPORTS_DASHBOARD_ROUTE = '/admin/reports';

/** Chart.js's browser build, from the installed package, without its source-map comment. */
const CHART_JS = readFileSync(
  join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'),
  'utf8',
).replace(/\/\/# sourceMappingURL=\S+\s*$/, '');

const ASSETS = {
  chart: `${REPORTS_DASHBOARD_ROUTE}/assets/chart.umd.min.js`,
  script: `${REPORTS_DASHBOARD_ROUTE}/assets/dashboard.js`,
};

class DashboardQueryDto {
  @ApiPropertyOptional({
    format: 'date',
    description: 'The last local date shown; today if absent',
  })
  @IsOptional()
  @Matches(CALENDAR_DATE, { message: 'to must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'to must be a real calendar date' })
  to?: string;
}

/**
 * The reports dashboard for admins at /admin/reports: a page for a browser, signed in like the
 * queue dashboard (Basic with the admin's email and password, or the API's bearer token), so it
 * is outside the API document; its figures are the API's (GET /reports/...), computed by the same
 * service, and its CSV downloads are the API's CSV behind the same sign-in.
 */
@ApiExcludeController()
@Public()
@Controller(REPORTS_DASHBOARD_ROUTE.slice(1))
export class ReportsDashboardController {
  constructor(
    private readonly reports: ReportsService,
    private readonly medicareDuties: MedicareDutiesService,
  ) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async page(@CurrentActor() actor: Actor, @Query() query: DashboardQueryDto): Promise<string> {
    const range = dashboardRange(query.to ?? DateTime.utc().toISODate());
    const ask = (key: FigureKey, period: 'week' | undefined) =>
      this.reports.report(actor, key, { from: range.from, to: range.to, period, by: 'location' });
    const [visitsByWeek, utilisationByWeek, visitsByClinic, utilisationByClinic] =
      await Promise.all([
        ask('visits', 'week'),
        ask('utilisation', 'week'),
        ask('visits', undefined),
        ask('utilisation', undefined),
      ]);
    return dashboardHtml(
      dashboardModel(
        range,
        visitsByWeek.rows,
        utilisationByWeek.rows,
        visitsByClinic.rows,
        utilisationByClinic.rows,
        REPORTS_DASHBOARD_ROUTE,
      ),
      ASSETS,
    );
  }

  @Get('assets/chart.umd.min.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', 'private, max-age=86400')
  chart(): string {
    return CHART_JS;
  }

  @Get('assets/dashboard.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', 'private, max-age=300')
  script(): string {
    return DASHBOARD_SCRIPT;
  }

  @Get('visits.csv')
  visits(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto) {
    return this.figureCsv(actor, 'visits', query);
  }

  @Get('utilisation.csv')
  utilisation(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto) {
    return this.figureCsv(actor, 'utilisation', query);
  }

  @Get('reminders.csv')
  reminders(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto) {
    return this.figureCsv(actor, 'reminders', query);
  }

  @Get('rooms.csv')
  rooms(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto) {
    return this.figureCsv(actor, 'rooms', query);
  }

  @Get('intake.csv')
  intake(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto) {
    return this.figureCsv(actor, 'intake', query);
  }

  @Get('referrals.csv')
  referrals(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto) {
    return this.figureCsv(actor, 'referrals', query);
  }

  @Get('care.csv')
  care(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto) {
    return this.figureCsv(actor, 'care', query);
  }

  @Get('first-contacts.csv')
  firstContacts(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto) {
    return this.figureCsv(actor, 'first-contacts', query);
  }

  @Get('plans.csv')
  plans(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto) {
    return this.figureCsv(actor, 'plans', query);
  }

  @Get('billing.csv')
  billing(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto) {
    return this.figureCsv(actor, 'billing', query);
  }

  @Get('outcomes.csv')
  outcomes(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto) {
    return this.figureCsv(actor, 'outcomes', query);
  }

  @Get('medicare-duties.csv')
  async medicare(@CurrentActor() actor: Actor, @Query() query: MedicareDutiesQueryDto) {
    return csvFileOfToday(await this.medicareDuties.csv(actor, query), 'medicare-duties');
  }

  @Get('visits/appointments.csv')
  async appointments(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto) {
    return csvFile(await this.reports.visitsCsv(actor, query), 'visits-list', query);
  }

  private async figureCsv(actor: Actor, key: FigureKey, query: ReportQueryDto) {
    return csvFile(await this.reports.figureCsv(actor, key, query), key, query);
  }
}
