import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { ApiAuthenticated } from '../common/api-errors.decorator';
import { UuidParam } from '../common/uuid-param.pipe';
import type { Actor } from '../kernel/actor';
import { CurrentActor, Roles } from '../kernel/decorators';
import { Role } from '../kernel/role';
import { JurisdictionPipe } from './jurisdiction.pipe';
import { EvaluateDto, EvaluationDto } from './dto/evaluation.dto';
import {
  DisclosureDto,
  PhysicianClearanceDto,
  PhysicianNotificationDto,
  PlanSignatureDto,
  ProgressReportDto,
  RecordedDto,
  ReferralDto,
} from './dto/records.dto';
import { NewRuleVersionDto, RuleVersionDto } from './dto/rule.dto';
import { EvaluationsService } from './evaluations.service';
import { RecordsService } from './records.service';
import { RulesService } from './rules.service';
import { TaskDto, TaskQuery } from './dto/task.dto';
import { TasksService } from './tasks.service';

@ApiTags('direct access')
@Controller()
export class DirectAccessController {
  constructor(
    private readonly evaluations: EvaluationsService,
    private readonly rules: RulesService,
    private readonly records: RecordsService,
    private readonly tasks: TasksService,
  ) {}

  @Get('direct-access/tasks')
  @ApiOperation({
    summary:
      'The work list of the caller’s clinics: physicians to notify, disclosures to sign, Medicare certifications and progress reports due, windows closing, treatment held; overdue first',
  })
  @ApiOkResponse({ type: [TaskDto], description: 'The tasks, overdue first, then by due date' })
  @ApiAuthenticated(404)
  workList(@CurrentActor() actor: Actor, @Query() query: TaskQuery): Promise<TaskDto[]> {
    return this.tasks.list(actor, query);
  }

  @Post('direct-access/evaluations')
  @ApiOperation({
    summary:
      'May this patient be treated without a referral, until when, and what is due: for an episode, or for the facts given ahead of a first visit; kept with the rule version used',
  })
  @ApiCreatedResponse({ type: EvaluationDto, description: 'The evaluation, kept as answered' })
  @ApiAuthenticated(404)
  evaluate(@CurrentActor() actor: Actor, @Body() body: EvaluateDto): Promise<EvaluationDto> {
    return this.evaluations.evaluate(actor, body);
  }

  @Get('direct-access/evaluations/:id')
  @ApiOperation({
    summary: 'An evaluation as it was answered (later rule versions never change it)',
  })
  @ApiOkResponse({ type: EvaluationDto, description: 'The evaluation' })
  @ApiAuthenticated(404)
  evaluation(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
  ): Promise<EvaluationDto> {
    return this.evaluations.get(actor, id);
  }

  @Get('direct-access/rules')
  @ApiOperation({
    summary: 'Every version of every jurisdiction’s direct-access rule, with its source',
  })
  @ApiQuery({
    name: 'jurisdiction',
    required: false,
    example: 'US-PA',
    description: 'Only this jurisdiction',
  })
  @ApiOkResponse({
    type: [RuleVersionDto],
    description: 'The versions, by jurisdiction and version',
  })
  @ApiAuthenticated()
  list(
    @Query('jurisdiction', new JurisdictionPipe(true)) jurisdiction?: string,
  ): Promise<RuleVersionDto[]> {
    return this.rules.list(jurisdiction);
  }

  @Get('direct-access/rules/:jurisdiction')
  @ApiOperation({ summary: 'The versions of one jurisdiction’s rule' })
  @ApiOkResponse({ type: [RuleVersionDto], description: 'The versions, oldest first' })
  @ApiAuthenticated(404)
  versions(
    @Param('jurisdiction', new JurisdictionPipe()) jurisdiction: string,
  ): Promise<RuleVersionDto[]> {
    return this.rules.versionsOf(jurisdiction);
  }

  @Post('direct-access/rules/:jurisdiction/versions')
  @Roles(Role.Admin)
  @ApiOperation({
    summary: 'Add a version of a jurisdiction’s rule, effective from a date, with its source',
  })
  @ApiCreatedResponse({ type: RuleVersionDto, description: 'The new version' })
  @ApiAuthenticated(409)
  addVersion(
    @CurrentActor() actor: Actor,
    @Param('jurisdiction', new JurisdictionPipe()) jurisdiction: string,
    @Body() body: NewRuleVersionDto,
  ): Promise<RuleVersionDto> {
    return this.rules.addVersion(actor, jurisdiction, body);
  }

  @Post('episodes/:id/referrals')
  @ApiOperation({
    summary: 'Record a referral: who, profession, NPI, date, diagnosis, visits authorised, expiry',
  })
  @ApiCreatedResponse({ type: RecordedDto, description: 'The referral, on file' })
  @ApiAuthenticated(404)
  referral(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: ReferralDto,
  ) {
    return this.records.record(actor, id, 'referral', body);
  }

  @Post('episodes/:id/plan-signatures')
  @ApiOperation({
    summary:
      'Record a signature on the plan of care (Medicare certification, recertification, or a practitioner’s approval)',
  })
  @ApiCreatedResponse({ type: RecordedDto, description: 'The signature, on file' })
  @ApiAuthenticated(404)
  signature(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: PlanSignatureDto,
  ) {
    return this.records.record(actor, id, 'plan_signature', body);
  }

  @Post('episodes/:id/physician-notifications')
  @ApiOperation({
    summary: 'Record a notice to the physician, or the plan of care sent: when, to whom, how',
  })
  @ApiCreatedResponse({ type: RecordedDto, description: 'The notification, on file' })
  @ApiAuthenticated(404)
  notification(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: PhysicianNotificationDto,
  ) {
    return this.records.record(actor, id, 'physician_notification', body);
  }

  @Post('episodes/:id/disclosures')
  @ApiOperation({
    summary:
      'Record a disclosure or notice the patient signed (Texas disclosure, New York Notice of Advice)',
  })
  @ApiCreatedResponse({ type: RecordedDto, description: 'The disclosure, on file' })
  @ApiAuthenticated(404)
  disclosure(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: DisclosureDto,
  ) {
    return this.records.record(actor, id, 'disclosure', body);
  }

  @Post('episodes/:id/physician-clearances')
  @Roles(Role.Therapist, Role.Admin)
  @ApiOperation({
    summary:
      'Record a physician’s clearance of red flags: who, when, the document; only this lifts an emergency hold',
  })
  @ApiCreatedResponse({ type: RecordedDto, description: 'The clearance, on file' })
  @ApiAuthenticated(404)
  clearance(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: PhysicianClearanceDto,
  ) {
    return this.records.record(actor, id, 'physician_clearance', body);
  }

  @Post('episodes/:id/progress-reports')
  @HttpCode(201)
  @Roles(Role.Therapist, Role.Admin)
  @ApiOperation({
    summary: 'Record a progress report (Medicare: at least every 10 treatment days)',
  })
  @ApiCreatedResponse({ type: RecordedDto, description: 'The report, on file' })
  @ApiAuthenticated(404)
  progress(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: ProgressReportDto,
  ) {
    return this.records.record(actor, id, 'progress_report', body);
  }
}
