import { applyDecorators, Controller, Get, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiAuthenticated } from '../common/api-errors.decorator';
import type { Actor } from '../kernel/actor';
import { CurrentActor } from '../kernel/decorators';
import { ReportQueryDto } from './dto/report-query.dto';
import { FigureCatalogueEntryDto, figureDtos, type ReportBody } from './dto/report.dto';
import { BILLING } from './figures/billing.figure';
import { CARE } from './figures/care.figure';
import { FIRST_CONTACTS } from './figures/first-contacts.figure';
import { INTAKE } from './figures/intake.figure';
import { OUTCOMES } from './figures/outcomes.figure';
import { PLANS } from './figures/plans.figure';
import { REFERRALS } from './figures/referrals.figure';
import { REMINDERS } from './figures/reminders.figure';
import { ROOMS } from './figures/rooms.figure';
import type { ReportFigure } from './figures/report-figure';
import { UTILISATION } from './figures/utilisation.figure';
import { VISITS } from './figures/visits.figure';
import { csvFile } from './csv-file';
import { ReportsService } from './reports.service';
import { DroppedPatientsService } from './dropped-patients.service';
import { DroppedPatientDto, DroppedPatientsQueryDto } from './dto/dropped-patient.dto';
import { ApiPageResponse, type Page } from '../common/pagination/page';
import { VISIT_EXPORT_COLUMNS } from './visit-export.service';

const VisitsReport = figureDtos(VISITS).report;
const UtilisationReport = figureDtos(UTILISATION).report;
const OutcomesReport = figureDtos(OUTCOMES).report;
const IntakeReport = figureDtos(INTAKE).report;
const CareReport = figureDtos(CARE).report;
const ReferralsReport = figureDtos(REFERRALS).report;
const RemindersReport = figureDtos(REMINDERS).report;
const RoomsReport = figureDtos(ROOMS).report;
const FirstContactsReport = figureDtos(FIRST_CONTACTS).report;
const PlansReport = figureDtos(PLANS).report;
const BillingReport = figureDtos(BILLING).report;

/** The operation's description: the figure's definition, each measure's and each ratio's. */
function described(figure: ReportFigure): string {
  const access =
    figure.audience === 'clinical'
      ? 'Admins only.'
      : 'Admins: every clinic. Front desk and therapists: their own clinics, when REPORTS_STAFF_ACCESS is own_clinics.';
  return [
    figure.description,
    '',
    `Splits: ${figure.dimensions.join(', ')}.${figure.byPayer ? ' Filters: clinics, therapists, payers.' : ' Filters: clinics, therapists.'} ${access} Every read is audited.`,
    '',
    'Measures:',
    ...figure.measures.map((measure) => `- \`${measure.key}\`: ${measure.description}`),
    '',
    'Ratios (numerator / denominator, both returned):',
    ...figure.ratios.map(
      (ratio) =>
        `- \`${ratio.key}\` = \`${ratio.numerator}\` / \`${ratio.denominator}\`: ${ratio.description}`,
    ),
  ].join('\n');
}

/** A CSV download's documentation: what its columns are. */
function ApiCsv(summary: string, columns: string) {
  return applyDecorators(
    ApiOperation({
      summary,
      description: `${columns}\n\nSame query, access and audit as the JSON.`,
    }),
    ApiProduces('text/csv'),
    ApiOkResponse({
      description: 'A CSV file (RFC 4180, header row first), streamed',
      headers: {
        'Content-Disposition': {
          description: 'attachment, with a file name saying the figure and the dates',
          schema: { type: 'string' },
        },
      },
      content: { 'text/csv; charset=utf-8': { schema: { type: 'string', description: 'CSV' } } },
    }),
    ApiAuthenticated(403, 404),
  );
}

const FIGURE_COLUMNS =
  'Columns: period, group_id, group, each measure, each ratio’s value, withheld; the last record ' +
  'is the totals (period `total`). Definitions as in the JSON figure.';

@ApiTags('reports')
@ApiExtraModels(
  VisitsReport,
  UtilisationReport,
  RoomsReport,
  IntakeReport,
  CareReport,
  ReferralsReport,
  FirstContactsReport,
  PlansReport,
  BillingReport,
  OutcomesReport,
  RemindersReport,
)
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly dropped: DroppedPatientsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The figures the caller may read, each with its definitions' })
  @ApiOkResponse({ type: [FigureCatalogueEntryDto], description: 'The figures' })
  @ApiAuthenticated()
  list(@CurrentActor() actor: Actor): FigureCatalogueEntryDto[] {
    return this.reports.catalogue(actor).map((figure) => ({
      key: figure.key,
      title: figure.title,
      description: figure.description,
      audience: figure.audience,
      dimensions: [...figure.dimensions],
      byPayer: figure.byPayer,
      measures: figure.measures.map(({ key, description }) => ({ key, description })),
      ratios: figure.ratios.map(({ key, numerator, denominator, kind, description }) => ({
        key,
        numerator,
        denominator,
        kind,
        description,
      })),
    }));
  }

  @Get('dropped-patients')
  @ApiOperation({
    summary:
      'Patients to call: nothing booked ahead, or fewer visits booked than their plan of care prescribes',
    description:
      'Patients with an open episode of care at a clinic and no visit booked or confirmed ahead at any clinic ' +
      '(reason nothing_booked_ahead), those whose last visit was longest ago first (never seen first); then ' +
      'patients with visits ahead whose active plan of care, not yet ended, has fewer treatment visits held or booked within its ' +
      'dates than it prescribes, or than are authorised if fewer (reason under_scheduled). Archived patients are ' +
      'left out. Access as for the operational figures; every read is audited.',
  })
  @ApiPageResponse(DroppedPatientDto, 'One page of the patients; total counts them all')
  @ApiAuthenticated(403, 404)
  droppedPatients(
    @CurrentActor() actor: Actor,
    @Query() query: DroppedPatientsQueryDto,
  ): Promise<Page<DroppedPatientDto>> {
    return this.dropped.list(actor, query);
  }

  @Get('visits')
  @ApiOperation({
    summary: 'Visits and arrival: booked, arrived, cancelled, late-cancelled, no-show',
    description: described(VISITS),
  })
  @ApiOkResponse({ type: VisitsReport, description: 'The figure, split as asked, with totals' })
  @ApiAuthenticated(403, 404)
  visits(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto): Promise<ReportBody> {
    return this.reports.report(actor, 'visits', query);
  }

  @Get('utilisation')
  @ApiOperation({
    summary: 'Utilisation: booked minutes over working minutes, visits per working day',
    description: described(UTILISATION),
  })
  @ApiOkResponse({
    type: UtilisationReport,
    description: 'The figure, split as asked, with totals',
  })
  @ApiAuthenticated(403, 404)
  utilisation(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto): Promise<ReportBody> {
    return this.reports.report(actor, 'utilisation', query);
  }

  @Get('rooms')
  @ApiOperation({
    summary: 'Room and resource occupancy: place-minutes held over place-minutes open',
    description: described(ROOMS),
  })
  @ApiOkResponse({ type: RoomsReport, description: 'The figure, split as asked, with totals' })
  @ApiAuthenticated(403, 404)
  rooms(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto): Promise<ReportBody> {
    return this.reports.report(actor, 'rooms', query);
  }

  @Get('intake')
  @ApiOperation({
    summary: 'New patients and initial evaluations, with referral sources',
    description: described(INTAKE),
  })
  @ApiOkResponse({ type: IntakeReport, description: 'The figure, split as asked, with totals' })
  @ApiAuthenticated(403, 404)
  intake(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto): Promise<ReportBody> {
    return this.reports.report(actor, 'intake', query);
  }

  @Get('referrals')
  @ApiOperation({
    summary: 'Referral conversion to an arrived visit, within 7 days and at all',
    description: described(REFERRALS),
  })
  @ApiOkResponse({ type: ReferralsReport, description: 'The figure, split as asked, with totals' })
  @ApiAuthenticated(403, 404)
  referrals(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto): Promise<ReportBody> {
    return this.reports.report(actor, 'referrals', query);
  }

  @Get('care')
  @ApiOperation({ summary: 'Visits per discharged episode of care', description: described(CARE) })
  @ApiOkResponse({ type: CareReport, description: 'The figure, split as asked, with totals' })
  @ApiAuthenticated(403, 404)
  care(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto): Promise<ReportBody> {
    return this.reports.report(actor, 'care', query);
  }

  @Get('first-contacts')
  @ApiOperation({
    summary: 'Free pain assessments converted to an initial evaluation, within 7 days and at all',
    description: described(FIRST_CONTACTS),
  })
  @ApiOkResponse({
    type: FirstContactsReport,
    description: 'The figure, split as asked, with totals',
  })
  @ApiAuthenticated(403, 404)
  firstContacts(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto): Promise<ReportBody> {
    return this.reports.report(actor, 'first-contacts', query);
  }

  @Get('plans')
  @ApiOperation({
    summary:
      'Plans of care completed, discontinued, on hold; active and under-scheduled at the end',
    description: described(PLANS),
  })
  @ApiOkResponse({ type: PlansReport, description: 'The figure, split as asked, with totals' })
  @ApiAuthenticated(403, 404)
  plans(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto): Promise<ReportBody> {
    return this.reports.report(actor, 'plans', query);
  }

  @Get('billing')
  @ApiOperation({
    summary: 'Billed units per visit and per CPT code, charges per payer',
    description: described(BILLING),
  })
  @ApiOkResponse({ type: BillingReport, description: 'The figure, split as asked, with totals' })
  @ApiAuthenticated(403, 404)
  billing(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto): Promise<ReportBody> {
    return this.reports.report(actor, 'billing', query);
  }

  @Get('outcomes')
  @ApiOperation({
    summary: 'Outcomes: mean change in NPRS, ODI, NDI and PSFS and the share reaching the MCID',
    description: described(OUTCOMES),
  })
  @ApiOkResponse({
    type: OutcomesReport,
    description: 'The figure, split as asked, with totals; small cells withheld',
  })
  @ApiAuthenticated(403, 404)
  outcomes(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto): Promise<ReportBody> {
    return this.reports.report(actor, 'outcomes', query);
  }

  @Get('reminders')
  @ApiOperation({
    summary:
      'Reminder emails: sent, failed, skipped, unsubscribed; no-shows with and without a reminder',
    description: described(REMINDERS),
  })
  @ApiOkResponse({ type: RemindersReport, description: 'The figure, split as asked, with totals' })
  @ApiAuthenticated(403, 404)
  reminders(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto): Promise<ReportBody> {
    return this.reports.report(actor, 'reminders', query);
  }

  @Get('visits.csv')
  @ApiCsv('Visits and arrival as CSV', FIGURE_COLUMNS)
  async visitsCsv(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto) {
    return csvFile(await this.reports.figureCsv(actor, 'visits', query), 'visits', query);
  }

  @Get('utilisation.csv')
  @ApiCsv('Utilisation as CSV', FIGURE_COLUMNS)
  async utilisationCsv(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto) {
    return csvFile(await this.reports.figureCsv(actor, 'utilisation', query), 'utilisation', query);
  }

  @Get('rooms.csv')
  @ApiCsv('Room and resource occupancy as CSV', FIGURE_COLUMNS)
  async roomsCsv(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto) {
    return csvFile(await this.reports.figureCsv(actor, 'rooms', query), 'rooms', query);
  }

  @Get('intake.csv')
  @ApiCsv('New patients and initial evaluations as CSV', FIGURE_COLUMNS)
  async intakeCsv(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto) {
    return csvFile(await this.reports.figureCsv(actor, 'intake', query), 'intake', query);
  }

  @Get('referrals.csv')
  @ApiCsv('Referral conversion as CSV', FIGURE_COLUMNS)
  async referralsCsv(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto) {
    return csvFile(await this.reports.figureCsv(actor, 'referrals', query), 'referrals', query);
  }

  @Get('care.csv')
  @ApiCsv('Visits per discharged episode as CSV', FIGURE_COLUMNS)
  async careCsv(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto) {
    return csvFile(await this.reports.figureCsv(actor, 'care', query), 'care', query);
  }

  @Get('first-contacts.csv')
  @ApiCsv('Free pain assessments converted as CSV', FIGURE_COLUMNS)
  async firstContactsCsv(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto) {
    return csvFile(
      await this.reports.figureCsv(actor, 'first-contacts', query),
      'first-contacts',
      query,
    );
  }

  @Get('plans.csv')
  @ApiCsv('Plans of care as CSV', FIGURE_COLUMNS)
  async plansCsv(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto) {
    return csvFile(await this.reports.figureCsv(actor, 'plans', query), 'plans', query);
  }

  @Get('billing.csv')
  @ApiCsv('Billed units and charges as CSV', FIGURE_COLUMNS)
  async billingCsv(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto) {
    return csvFile(await this.reports.figureCsv(actor, 'billing', query), 'billing', query);
  }

  @Get('outcomes.csv')
  @ApiCsv('Outcomes as CSV (small cells empty)', FIGURE_COLUMNS)
  async outcomesCsv(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto) {
    return csvFile(await this.reports.figureCsv(actor, 'outcomes', query), 'outcomes', query);
  }

  @Get('reminders.csv')
  @ApiCsv('Reminder emails as CSV', FIGURE_COLUMNS)
  async remindersCsv(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto) {
    return csvFile(await this.reports.figureCsv(actor, 'reminders', query), 'reminders', query);
  }

  @Get('visits/appointments.csv')
  @ApiCsv(
    'Every visit of the selection as CSV, one row each, streamed',
    `Columns: ${VISIT_EXPORT_COLUMNS.join(', ')}. Times are the clinic’s local ones; no patient’s name or contact. period and by are ignored.`,
  )
  async appointmentsCsv(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto) {
    return csvFile(await this.reports.visitsCsv(actor, query), 'visits-list', query);
  }
}
