import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseEnumPipe,
  Patch,
  Post,
  Put,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { ApiAuthenticated } from '../common/api-errors.decorator';
import { UuidParam } from '../common/uuid-param.pipe';
import type { Actor } from '../kernel/actor';
import { CurrentActor, Roles } from '../kernel/decorators';
import { Role } from '../kernel/role';
import {
  AmendPlanDto,
  NewPlanDto,
  PlanDto,
  PlanTailoringDto,
  PlanTransitionDto,
  SignPlanDto,
} from './dto/plan.dto';
import { HomeProgrammeEmailDto } from './dto/home-programme.dto';
import { BookPlanDto, PlanBookingDto } from './dto/plan-booking.dto';
import { PlanCoverageSettingDto } from './dto/plan-coverage.dto';
import { NewTemplateDto, TemplateContentDto, TemplateVersionDto } from './dto/template.dto';
import { HomeProgrammeService } from './home-programme.service';
import { PlanBookingService } from './plan-booking.service';
import { PlanCoverageSettingsService } from './plan-coverage-settings.service';
import { PlansService } from './plans.service';
import type { PlanAction } from './rules/lifecycle';

/** The transitions after signing, as path segments. */
const STATUS_ACTIONS = {
  hold: 'hold',
  resume: 'resume',
  complete: 'complete',
  discontinue: 'discontinue',
} as const;
import { TemplatesService } from './templates.service';

@ApiTags('plans of care')
@Controller()
export class PlansController {
  constructor(
    private readonly templates: TemplatesService,
    private readonly plans: PlansService,
    private readonly coverage: PlanCoverageSettingsService,
    private readonly booking: PlanBookingService,
    private readonly homeProgramme: HomeProgrammeService,
  ) {}

  @Post('plans/:id/home-programme')
  @HttpCode(202)
  @Roles(Role.Therapist, Role.Admin)
  @ApiOperation({
    summary:
      'Email the patient the home exercise programme of the plan in force (each exercise with its dose, how often and precautions; a PDF attached), once per plan revision: asking again sends nothing more, an amendment can be sent again',
  })
  @ApiAcceptedResponse({
    type: HomeProgrammeEmailDto,
    description:
      'The email, queued through the outbox (or the one an earlier request for this revision queued); it is on the patient’s timeline',
  })
  @ApiAuthenticated(404, {
    status: 422,
    description:
      'plan.home_programme_plan_not_active (a draft, on hold or ended plan), plan.home_programme_awaiting_signature, plan.home_programme_empty (no home exercises), or plan.home_programme_patient_not_emailable: no email consent, no email address or an archived record (errors[] names which); nothing is queued, hand the programme over on paper',
  })
  sendHomeProgramme(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
  ): Promise<HomeProgrammeEmailDto> {
    return this.homeProgramme.send(actor, id);
  }

  @Get('plans/:id/home-programme.pdf')
  @Roles(Role.FrontDesk, Role.Therapist, Role.Admin)
  @ApiOperation({
    summary:
      'The home exercise programme of the plan in force as the PDF the email carries, to print and hand over (no diagnosis, no modalities)',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'PDF', schema: { type: 'string', format: 'binary' } })
  @ApiAuthenticated(404, {
    status: 422,
    description:
      'plan.home_programme_plan_not_active, plan.home_programme_awaiting_signature or plan.home_programme_empty',
  })
  async printHomeProgramme(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
  ): Promise<StreamableFile> {
    return new StreamableFile(await this.homeProgramme.printable(actor, id), {
      type: 'application/pdf',
      disposition: `inline; filename="home-exercise-programme-${id}.pdf"`,
    });
  }

  @Post('plans/:id/bookings')
  @Roles(Role.FrontDesk, Role.Therapist, Role.Admin)
  @ApiOperation({
    summary:
      'Book this plan: the recurring series for frequency x duration on the preferred days and time, one therapist or any at the clinic, stopping at the plan’s end, its authorised visits or Medicare’s certification end; Medicare progress visits in place',
  })
  @ApiCreatedResponse({
    type: PlanBookingDto,
    description: 'The series and each visit, booked or why not',
  })
  @ApiAuthenticated(404, 409)
  bookPlan(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: BookPlanDto,
  ): Promise<PlanBookingDto> {
    return this.booking.book(actor, id, body);
  }

  @Get('locations/:id/plan-coverage')
  @ApiOperation({
    summary: 'Whether the clinic refuses or warns on a treatment visit outside the plan of care',
  })
  @ApiOkResponse({ type: PlanCoverageSettingDto, description: 'The setting (refuse by default)' })
  @ApiAuthenticated(404)
  coverageSetting(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
  ): Promise<PlanCoverageSettingDto> {
    return this.coverage.get(actor, id);
  }

  @Put('locations/:id/plan-coverage')
  @Roles(Role.Admin)
  @ApiOperation({
    summary: 'Refuse, or book with a warning, treatment visits outside the plan of care',
  })
  @ApiOkResponse({ type: PlanCoverageSettingDto, description: 'The setting' })
  @ApiAuthenticated(403, 404)
  setCoverage(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: PlanCoverageSettingDto,
  ): Promise<PlanCoverageSettingDto> {
    return this.coverage.set(actor, id, body);
  }

  @Get('plan-templates')
  @ApiOperation({
    summary:
      'The template library: clinic-wide templates and the caller’s own, latest version of each',
  })
  @ApiQuery({
    name: 'drafts',
    required: false,
    type: Boolean,
    description: 'Include unpublished drafts',
  })
  @ApiOkResponse({ type: [TemplateVersionDto], description: 'Templates by name' })
  @ApiAuthenticated()
  listTemplates(
    @CurrentActor() actor: Actor,
    @Query('drafts') drafts?: string,
  ): Promise<TemplateVersionDto[]> {
    return this.templates.list(actor, drafts === 'true');
  }

  @Post('plan-templates')
  @Roles(Role.Therapist, Role.Admin)
  @ApiOperation({
    summary: 'Write a template (version 1, a draft): clinic-wide (admins) or the author’s own',
  })
  @ApiCreatedResponse({ type: TemplateVersionDto, description: 'Version 1, a draft' })
  @ApiAuthenticated(403)
  createTemplate(
    @CurrentActor() actor: Actor,
    @Body() body: NewTemplateDto,
  ): Promise<TemplateVersionDto> {
    return this.templates.create(actor, body);
  }

  @Get('plan-templates/:id/versions')
  @ApiOperation({ summary: 'Every version of a template, oldest first' })
  @ApiOkResponse({ type: [TemplateVersionDto], description: 'The versions' })
  @ApiAuthenticated(404)
  templateVersions(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
  ): Promise<TemplateVersionDto[]> {
    return this.templates.versions(actor, id);
  }

  @Put('plan-templates/:id')
  @Roles(Role.Therapist, Role.Admin)
  @ApiOperation({
    summary: 'Edit a template: its draft, or the next version when the latest is published',
  })
  @ApiOkResponse({ type: TemplateVersionDto, description: 'The draft version' })
  @ApiAuthenticated(403, 404)
  editTemplate(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: TemplateContentDto,
  ): Promise<TemplateVersionDto> {
    return this.templates.edit(actor, id, body);
  }

  @Post('plan-templates/:id/publish')
  @HttpCode(200)
  @Roles(Role.Therapist, Role.Admin)
  @ApiOperation({ summary: 'Publish the draft version: frozen from now on, ready for plans' })
  @ApiOkResponse({ type: TemplateVersionDto, description: 'The published version' })
  @ApiAuthenticated(403, 404, 409)
  publishTemplate(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
  ): Promise<TemplateVersionDto> {
    return this.templates.publish(actor, id);
  }

  @Post('episodes/:id/plans')
  @Roles(Role.Therapist, Role.Admin)
  @ApiOperation({
    summary:
      'Start a plan of care (a draft) for an episode from a published template version, tailored',
  })
  @ApiCreatedResponse({
    type: PlanDto,
    description: 'The draft plan, with its contraindication warnings',
  })
  @ApiAuthenticated(404, 409)
  createPlan(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: NewPlanDto,
  ): Promise<PlanDto> {
    return this.plans.create(actor, id, body);
  }

  @Get('episodes/:id/plans')
  @ApiOperation({ summary: 'The plans of care of an episode' })
  @ApiOkResponse({ type: [PlanDto], description: 'Oldest first' })
  @ApiAuthenticated(404)
  episodePlans(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
  ): Promise<PlanDto[]> {
    return this.plans.listForEpisode(actor, id);
  }

  @Get('plans/:id')
  @ApiOperation({ summary: 'A plan of care: in force, warnings, Medicare due dates, revisions' })
  @ApiOkResponse({ type: PlanDto, description: 'The plan' })
  @ApiAuthenticated(404)
  plan(@CurrentActor() actor: Actor, @Param('id', UuidParam()) id: string): Promise<PlanDto> {
    return this.plans.get(actor, id);
  }

  @Patch('plans/:id')
  @Roles(Role.Therapist, Role.Admin)
  @ApiOperation({ summary: 'Tailor a draft plan (a signed plan is amended instead)' })
  @ApiOkResponse({ type: PlanDto, description: 'The draft as edited' })
  @ApiAuthenticated(404, 409)
  editPlan(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: PlanTailoringDto,
  ): Promise<PlanDto> {
    return this.plans.edit(actor, id, body);
  }

  @Post('plans/:id/sign')
  @HttpCode(200)
  @Roles(Role.Therapist)
  @ApiOperation({
    summary:
      'Sign the plan (a PT, not a PTA): a draft becomes active; every contraindication warning must be acknowledged with a reason (422 lists them)',
  })
  @ApiOkResponse({ type: PlanDto, description: 'The signed plan' })
  @ApiAuthenticated(403, 404, 409, 422)
  sign(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: SignPlanDto,
  ): Promise<PlanDto> {
    return this.plans.sign(actor, id, body);
  }

  @Post('plans/:id/amendments')
  @Roles(Role.Therapist)
  @ApiOperation({
    summary:
      'Amend a signed plan: a new revision with who, when and why; a changed long-term goal needs a new signature',
  })
  @ApiCreatedResponse({ type: PlanDto, description: 'The plan as amended' })
  @ApiAuthenticated(403, 404, 409)
  amend(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: AmendPlanDto,
  ): Promise<PlanDto> {
    return this.plans.amend(actor, id, body);
  }

  @Post('plans/:id/:action')
  @HttpCode(200)
  @Roles(Role.Therapist, Role.Admin)
  @ApiOperation({ summary: 'Put on hold, resume, complete or discontinue a plan' })
  @ApiParam({ name: 'action', enum: Object.keys(STATUS_ACTIONS), description: 'The transition' })
  @ApiOkResponse({ type: PlanDto, description: 'The plan in its new status' })
  @ApiAuthenticated(404, 409)
  transition(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Param('action', new ParseEnumPipe(STATUS_ACTIONS)) action: PlanAction,
    @Body() body: PlanTransitionDto,
  ): Promise<PlanDto> {
    return this.plans.transition(actor, id, action, body.reason ?? null);
  }
}
