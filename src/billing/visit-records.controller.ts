import { Body, Controller, Get, Header, Param, Put, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiAuthenticated } from '../common/api-errors.decorator';
import { UuidParam } from '../common/uuid-param.pipe';
import type { Actor } from '../kernel/actor';
import { CurrentActor, Roles } from '../kernel/decorators';
import { Role } from '../kernel/role';
import { SuperbillDto } from './dto/superbill.dto';
import { RecordVisitDto, VisitRecordDto } from './dto/visit-record.dto';
import { superbillCsv, superbillPdf } from './superbill-files';
import { SuperbillsService } from './superbills.service';
import { VisitRecordsService } from './visit-records.service';

const CSV_DESCRIPTION =
  'CSV (RFC 4180, header row first): a row per billed code with service_date, place_of_service, rendering_provider, rendering_npi, code, modifiers, units, minutes, diagnosis_pointers, unit_charge, charge; the last row is the totals';

@ApiTags('billing')
@Controller()
export class VisitRecordsController {
  constructor(
    private readonly visitRecords: VisitRecordsService,
    private readonly superbills: SuperbillsService,
  ) {}

  @Put('appointments/:id/visit-record')
  @Roles(Role.Therapist, Role.Admin)
  @ApiOperation({
    summary:
      'Record what a completed visit delivered: each intervention’s CPT code and one-on-one minutes, the PT or PTA, a note; units by the payer’s rule. Once recorded, a change is an amendment with a reason',
  })
  @ApiOkResponse({ type: VisitRecordDto, description: 'The visit record with its units' })
  @ApiAuthenticated(403, 404, 409)
  record(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: RecordVisitDto,
  ): Promise<VisitRecordDto> {
    return this.visitRecords.record(actor, id, body);
  }

  @Get('appointments/:id/visit-record')
  @ApiOperation({ summary: 'The record of a completed visit: services, minutes, units, who, note' })
  @ApiOkResponse({ type: VisitRecordDto, description: 'The visit record' })
  @ApiAuthenticated(404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam()) id: string): Promise<VisitRecordDto> {
    return this.visitRecords.get(actor, id);
  }

  @Get('appointments/:id/superbill')
  @ApiOperation({
    summary:
      'The superbill of one visit: clinic and rendering therapist with NPIs, referring provider, place of service, diagnoses, CPT lines with units, modifiers and charges',
  })
  @ApiOkResponse({ type: SuperbillDto, description: 'The superbill' })
  @ApiAuthenticated(404, 409)
  visit(@CurrentActor() actor: Actor, @Param('id', UuidParam()) id: string): Promise<SuperbillDto> {
    return this.superbills.forVisit(actor, id, 'json');
  }

  @Get('appointments/:id/superbill.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: 'The superbill of one visit as CSV', description: CSV_DESCRIPTION })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV', schema: { type: 'string' } })
  @ApiAuthenticated(404, 409)
  async visitCsv(@CurrentActor() actor: Actor, @Param('id', UuidParam()) id: string) {
    return superbillCsv(await this.superbills.forVisit(actor, id, 'csv'));
  }

  @Get('appointments/:id/superbill.pdf')
  @ApiOperation({ summary: 'The superbill of one visit as PDF' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'PDF', schema: { type: 'string', format: 'binary' } })
  @ApiAuthenticated(404, 409)
  async visitPdf(@CurrentActor() actor: Actor, @Param('id', UuidParam()) id: string) {
    return pdfFile(await superbillPdf(await this.superbills.forVisit(actor, id, 'pdf')), id);
  }

  @Get('episodes/:id/superbill')
  @ApiOperation({
    summary: 'The superbill of an episode of care: every recorded visit, its lines and the totals',
  })
  @ApiOkResponse({ type: SuperbillDto, description: 'The superbill' })
  @ApiAuthenticated(404, 409)
  episode(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
  ): Promise<SuperbillDto> {
    return this.superbills.forEpisode(actor, id, 'json');
  }

  @Get('episodes/:id/superbill.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: 'The superbill of an episode as CSV', description: CSV_DESCRIPTION })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV', schema: { type: 'string' } })
  @ApiAuthenticated(404, 409)
  async episodeCsv(@CurrentActor() actor: Actor, @Param('id', UuidParam()) id: string) {
    return superbillCsv(await this.superbills.forEpisode(actor, id, 'csv'));
  }

  @Get('episodes/:id/superbill.pdf')
  @ApiOperation({ summary: 'The superbill of an episode as PDF' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'PDF', schema: { type: 'string', format: 'binary' } })
  @ApiAuthenticated(404, 409)
  async episodePdf(@CurrentActor() actor: Actor, @Param('id', UuidParam()) id: string) {
    return pdfFile(await superbillPdf(await this.superbills.forEpisode(actor, id, 'pdf')), id);
  }
}

function pdfFile(pdf: Buffer, id: string): StreamableFile {
  return new StreamableFile(pdf, {
    type: 'application/pdf',
    disposition: `attachment; filename="superbill-${id}.pdf"`,
  });
}
