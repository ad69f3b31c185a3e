import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../kernel/actor';
import { CurrentActor, Roles } from '../kernel/decorators';
import { Role } from '../kernel/role';
import { ApiAuthenticated } from '../common/api-errors.decorator';
import { UuidParam } from '../common/uuid-param.pipe';
import { AssessmentsService } from './assessments.service';
import type { AssessmentView } from './assessment-view';
import { AmendAssessmentDto, CreateAssessmentDto, RedFlagDecisionDto } from './dto/assessment.dto';
import { AmendmentDto, AssessmentDto, OutcomeDto } from './dto/assessment-view.dto';
import { blocksTreatment } from './rules/red-flags';

/** The content rules a well-formed assessment can still break (create, replace). */
const UNPROCESSABLE_CONTENT = {
  status: 422,
  description:
    'assessment.dated_in_future: assessedOn is after today in the time zone of the episode’s clinic; assessment.instrument_unscorable: an outcome measure leaves more items unanswered than its published scoring allows',
};
const ASSESSED_IN_FUTURE = {
  status: 422,
  description:
    'assessment.dated_in_future: assessedOn is after today in the time zone of the episode’s clinic',
};
const UNSCORABLE = {
  status: 422,
  description:
    'assessment.instrument_unscorable: an outcome measure leaves more items unanswered than its published scoring allows',
};

const toDto = (view: AssessmentView) => AssessmentDto.from(view, blocksTreatment(view.disposition));

/** Clinical records: therapists write and sign them; admins may read them. */
@ApiTags('assessments')
@Roles(Role.Therapist, Role.Admin)
@Controller()
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  @Post('episodes/:episodeId/assessments')
  @Roles(Role.Therapist)
  @ApiOperation({ summary: 'Record an intake or re-assessment as a draft (scored and screened)' })
  @ApiCreatedResponse({ type: AssessmentDto, description: 'The draft, scored and screened' })
  @ApiAuthenticated(404, 409, UNPROCESSABLE_CONTENT)
  async create(
    @CurrentActor() actor: Actor,
    @Param('episodeId', UuidParam('episodeId')) episodeId: string,
    @Body() body: CreateAssessmentDto,
  ): Promise<AssessmentDto> {
    return toDto(await this.assessments.create(actor, episodeId, body));
  }

  @Get('episodes/:episodeId/assessments')
  @ApiOperation({ summary: 'The assessments of an episode, oldest first, as amended' })
  @ApiOkResponse({ type: [AssessmentDto], description: 'The assessments, oldest first' })
  @ApiAuthenticated(404)
  async list(
    @CurrentActor() actor: Actor,
    @Param('episodeId', UuidParam('episodeId')) episodeId: string,
  ): Promise<AssessmentDto[]> {
    return (await this.assessments.listForEpisode(actor, episodeId)).map(toDto);
  }

  @Get('episodes/:episodeId/outcomes')
  @ApiOperation({ summary: 'Change from baseline per instrument, and whether it reaches the MCID' })
  @ApiOkResponse({
    type: [OutcomeDto],
    description: 'One outcome per instrument scored more than once',
  })
  @ApiAuthenticated(404)
  async outcomes(
    @CurrentActor() actor: Actor,
    @Param('episodeId', UuidParam('episodeId')) episodeId: string,
  ): Promise<OutcomeDto[]> {
    return (await this.assessments.outcomes(actor, episodeId)).map((outcome) => ({
      instrument: outcome.instrument,
      baselineAssessmentId: outcome.baseline.assessment.id,
      baselineOn: outcome.baseline.assessment.assessedOn,
      latestAssessmentId: outcome.latest.assessment.id,
      latestOn: outcome.latest.assessment.assessedOn,
      change: outcome.change,
    }));
  }

  @Get('assessments/:id')
  @ApiOperation({ summary: 'One assessment as it stands (latest amendment applied)' })
  @ApiOkResponse({ type: AssessmentDto, description: 'The assessment' })
  @ApiAuthenticated(404)
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
  ): Promise<AssessmentDto> {
    return toDto(await this.assessments.get(actor, id));
  }

  @Put('assessments/:id')
  @Roles(Role.Therapist)
  @ApiOperation({ summary: 'Replace a draft; a signed assessment answers 409 (amend it instead)' })
  @ApiOkResponse({ type: AssessmentDto, description: 'The draft as replaced, scored and screened' })
  @ApiAuthenticated(404, 409, UNPROCESSABLE_CONTENT)
  async replace(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: CreateAssessmentDto,
  ): Promise<AssessmentDto> {
    return toDto(await this.assessments.replaceDraft(actor, id, body));
  }

  @Post('assessments/:id/sign')
  @HttpCode(200)
  @Roles(Role.Therapist)
  @ApiOperation({ summary: 'Sign a draft: from then on it can only be amended' })
  @ApiOkResponse({ type: AssessmentDto, description: 'The assessment, signed' })
  @ApiAuthenticated(404, 409, ASSESSED_IN_FUTURE)
  async sign(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
  ): Promise<AssessmentDto> {
    return toDto(await this.assessments.sign(actor, id));
  }

  @Post('assessments/:id/amendments')
  @Roles(Role.Therapist)
  @ApiOperation({ summary: 'Amend a signed assessment: who, when, why and what changed' })
  @ApiCreatedResponse({ type: AmendmentDto, description: 'The amendment, applied' })
  @ApiAuthenticated(404, 409, UNSCORABLE)
  async amend(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: AmendAssessmentDto,
  ): Promise<AmendmentDto> {
    return AmendmentDto.from(await this.assessments.amend(actor, id, body));
  }

  @Get('assessments/:id/amendments')
  @ApiOperation({ summary: 'The amendments of an assessment, oldest first' })
  @ApiOkResponse({ type: [AmendmentDto], description: 'The amendments, oldest first' })
  @ApiAuthenticated(404)
  async amendments(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
  ): Promise<AmendmentDto[]> {
    return (await this.assessments.amendments(actor, id)).map((amendment) =>
      AmendmentDto.from(amendment),
    );
  }

  @Post('assessments/:id/red-flag-decision')
  @Roles(Role.Therapist)
  @ApiOperation({
    summary:
      'Document the clinician’s decision on flags that need review: proceed (with reason) or refer',
  })
  @ApiCreatedResponse({ type: AssessmentDto, description: 'The assessment, with the decision' })
  @ApiAuthenticated(404, 409)
  async decide(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: RedFlagDecisionDto,
  ): Promise<AssessmentDto> {
    return toDto(await this.assessments.decide(actor, id, body));
  }
}
