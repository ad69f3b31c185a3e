import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../kernel/actor';
import { CurrentActor } from '../kernel/decorators';
import { ApiAuthenticated } from '../common/api-errors.decorator';
import { ApiPageResponse, Page, PageQuery } from '../common/pagination/page';
import { UuidParam } from '../common/uuid-param.pipe';
import {
  CreatedPatientDto,
  CreatePatientDto,
  PatientDto,
  PatientQuery,
  TimelineItemDto,
  UpdatePatientDto,
} from './dto/patient.dto';
import { PatientTimelineService } from './patient-timeline.service';
import { warningWithCode } from './patients.errors';
import { PatientsService } from './patients.service';
import { registrationWarnings } from './rules/email-reach';

@ApiTags('patients')
@Controller('patients')
export class PatientsController {
  constructor(
    private readonly patients: PatientsService,
    private readonly timelines: PatientTimelineService,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Register a patient at one of the caller’s clinics; likely duplicates are named',
  })
  @ApiCreatedResponse({
    type: CreatedPatientDto,
    description: 'The patient, registered, with likely duplicates',
  })
  @ApiAuthenticated(404, 422)
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreatePatientDto,
  ): Promise<CreatedPatientDto> {
    const { patient, possibleDuplicates } = await this.patients.create(actor, body);
    return {
      ...PatientDto.from(patient),
      possibleDuplicates,
      warnings: registrationWarnings(patient).map(warningWithCode),
    };
  }

  @Get()
  @ApiOperation({
    summary: 'Search patients of the caller’s clinics by name prefix, date of birth or phone',
  })
  @ApiPageResponse(PatientDto, 'One page of patients')
  @ApiAuthenticated()
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: PatientQuery,
  ): Promise<Page<PatientDto>> {
    const [patients, total] = await this.patients.list(actor, query);
    return Page.of(
      patients.map((patient) => PatientDto.from(patient)),
      total,
      query,
    );
  }

  @Get(':id/timeline')
  @ApiOperation({
    summary: 'A patient’s history in one call: visits, episodes, assessments, emails; newest first',
  })
  @ApiPageResponse(TimelineItemDto, 'One page of the timeline, newest first')
  @ApiAuthenticated(404)
  async timeline(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Query() page: PageQuery,
  ): Promise<Page<TimelineItemDto>> {
    const { items, total } = await this.timelines.timeline(actor, id, page);
    return Page.of(items, total, page);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One patient (404 outside the caller’s locations)' })
  @ApiOkResponse({ type: PatientDto, description: 'The patient' })
  @ApiAuthenticated(404)
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
  ): Promise<PatientDto> {
    return PatientDto.from(await this.patients.get(actor, id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a patient’s details' })
  @ApiOkResponse({ type: PatientDto, description: 'The patient as changed' })
  @ApiAuthenticated(404, 422)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: UpdatePatientDto,
  ): Promise<PatientDto> {
    return PatientDto.from(await this.patients.update(actor, id, body));
  }

  @Post(':id/archive')
  @HttpCode(200)
  @ApiOperation({ summary: 'Archive a patient: hidden from searches, never deleted' })
  @ApiOkResponse({ type: PatientDto, description: 'The patient, archived' })
  @ApiAuthenticated(404, 409)
  async archive(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
  ): Promise<PatientDto> {
    return PatientDto.from(await this.patients.setArchived(actor, id, true));
  }

  @Post(':id/restore')
  @HttpCode(200)
  @ApiOperation({ summary: 'Bring an archived patient back' })
  @ApiOkResponse({ type: PatientDto, description: 'The patient, active again' })
  @ApiAuthenticated(404, 409)
  async restore(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
  ): Promise<PatientDto> {
    return PatientDto.from(await this.patients.setArchived(actor, id, false));
  }
}
