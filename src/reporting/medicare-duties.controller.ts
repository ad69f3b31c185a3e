import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiAuthenticated } from '../common/api-errors.decorator';
import type { Actor } from '../kernel/actor';
import { CurrentActor } from '../kernel/decorators';
import { csvFileOfToday } from './csv-file';
import { MedicareDutiesDto, MedicareDutiesQueryDto } from './dto/medicare-duties.dto';
import { MedicareDutiesService } from './medicare-duties.service';
import { MEDICARE_DUTY_COUNTS, MEDICARE_DUTY_DEFINITIONS } from './rules/medicare-duties';

const DEFINITIONS = [
  'Medicare’s paperwork on the plans of care in force (active or on hold) for patients Medicare ' +
    'pays for, per clinic, as of each clinic’s today: the dates each plan’s page shows (direct ' +
    'access’s Medicare rules over the signatures, referrals, plans sent, progress reports and ' +
    'visits attended). A count of what stands now, not a figure over a period: no from, to, ' +
    'period or split. Access as for the operational figures; every read is audited.',
  '',
  ...MEDICARE_DUTY_COUNTS.map((key) => `- \`${key}\`: ${MEDICARE_DUTY_DEFINITIONS[key]}`),
].join('\n');

@ApiTags('reports')
@Controller('reports')
export class MedicareDutiesController {
  constructor(private readonly duties: MedicareDutiesService) {}

  @Get('medicare-duties')
  @ApiOperation({
    summary: 'Medicare certifications, recertifications and progress reports due and overdue today',
    description: DEFINITIONS,
  })
  @ApiOkResponse({ type: MedicareDutiesDto, description: 'The counts per clinic, with totals' })
  @ApiAuthenticated(403, 404)
  counts(
    @CurrentActor() actor: Actor,
    @Query() query: MedicareDutiesQueryDto,
  ): Promise<MedicareDutiesDto> {
    return this.duties.counts(actor, query);
  }

  @Get('medicare-duties.csv')
  @ApiOperation({
    summary: 'Medicare duties due and overdue today as CSV',
    description: `Columns: location_id, clinic, as_of, ${MEDICARE_DUTY_COUNTS.join(', ')}; the last record is the totals (clinic \`total\`). Same query, access and audit as the JSON.`,
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'A CSV file (RFC 4180, header row first)',
    headers: {
      'Content-Disposition': {
        description: 'attachment, with a file name saying the date',
        schema: { type: 'string' },
      },
    },
    content: { 'text/csv; charset=utf-8': { schema: { type: 'string', description: 'CSV' } } },
  })
  @ApiAuthenticated(403, 404)
  async csv(@CurrentActor() actor: Actor, @Query() query: MedicareDutiesQueryDto) {
    return csvFileOfToday(await this.duties.csv(actor, query), 'medicare-duties');
  }
}
