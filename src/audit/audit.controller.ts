import { Body, Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { UuidParam } from '../common/uuid-param.pipe';
import {
  ApiAcceptedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../kernel/actor';
import { CurrentActor, Roles } from '../kernel/decorators';
import { Role } from '../kernel/role';
import { ApiAuthenticated } from '../common/api-errors.decorator';
import { ApiPageResponse, Page } from '../common/pagination/page';
import { AuditExportService } from './audit-export.service';
import { AuditService } from './audit.service';
import { AuditEventDto, AuditEventFilterDto, AuditEventQuery } from './dto/audit-event.dto';
import { AuditExportDto } from './dto/audit-export.dto';

@ApiTags('audit')
@Roles(Role.Admin)
@Controller()
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly exports: AuditExportService,
  ) {}

  @Get('audit-events')
  @ApiOperation({ summary: 'List audit events, newest first (admins)' })
  @ApiPageResponse(AuditEventDto, 'One page of audit events')
  @ApiAuthenticated()
  async list(@Query() query: AuditEventQuery): Promise<Page<AuditEventDto>> {
    const [events, total] = await this.audit.list(query, query);
    return Page.of(
      events.map((event) => AuditEventDto.from(event)),
      total,
      query,
    );
  }

  @Post('audit-exports')
  @HttpCode(202)
  @ApiOperation({ summary: 'Export audit events as CSV in the background (admins)' })
  @ApiAcceptedResponse({ type: AuditExportDto, description: 'The export, queued' })
  @ApiAuthenticated(503)
  async requestExport(
    @CurrentActor() actor: Actor,
    @Body() filters: AuditEventFilterDto,
  ): Promise<AuditExportDto> {
    return AuditExportDto.from(await this.exports.request(actor, { ...filters }));
  }

  @Get('audit-exports/:id')
  @ApiOperation({ summary: 'Status of an audit export (admins)' })
  @ApiOkResponse({ type: AuditExportDto, description: 'The export and its status' })
  @ApiAuthenticated(404)
  async getExport(@Param('id', UuidParam()) id: string): Promise<AuditExportDto> {
    return AuditExportDto.from(await this.exports.get(id));
  }

  @Get('audit-exports/:id/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: 'Download a completed audit export (admins)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV with a header row', schema: { type: 'string' } })
  @ApiAuthenticated(404, 409)
  async downloadExport(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
  ): Promise<string> {
    return this.exports.csv(actor, id);
  }
}
