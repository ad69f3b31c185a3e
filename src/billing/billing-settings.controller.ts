import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiAuthenticated } from '../common/api-errors.decorator';
import { IsCalendarDate } from '../common/dto/calendar-date.decorator';
import { UuidParam } from '../common/uuid-param.pipe';
import type { Actor } from '../kernel/actor';
import { CurrentActor, Roles } from '../kernel/decorators';
import { Role } from '../kernel/role';
import { BillingSettingsService } from './billing-settings.service';
import {
  FeeScheduleDto,
  FeeScheduleViewDto,
  LocationBillingDto,
  LocationBillingViewDto,
  PAYERS,
  type Payer,
  PayerSettingDto,
  PayerSettingViewDto,
  ProviderNpiDto,
  ProviderNpiViewDto,
} from './dto/settings.dto';
import { PayerPipe } from './payer.pipe';
import { cptCatalogue } from './rules/cpt-codes';
import { CptCodeDto } from './dto/cpt-code.dto';
import { IsOptional } from 'class-validator';

class OnDateQuery {
  @IsOptional()
  @IsCalendarDate('onDate')
  onDate?: string;
}

@ApiTags('billing')
@Controller('billing')
export class BillingSettingsController {
  constructor(private readonly settings: BillingSettingsService) {}

  @Get('cpt-codes')
  @ApiOperation({ summary: 'The codes a visit may record: timed or untimed, and payers’ notes' })
  @ApiOkResponse({ type: [CptCodeDto], description: 'The catalogue' })
  @ApiAuthenticated()
  codes(): CptCodeDto[] {
    return cptCatalogue().map((code) => ({ ...code }));
  }

  @Get('payers')
  @ApiOperation({ summary: 'Each payer’s unit rule (8-minute or CPT midpoint)' })
  @ApiOkResponse({ type: [PayerSettingViewDto], description: 'Every payer' })
  @ApiAuthenticated()
  payers(): Promise<PayerSettingViewDto[]> {
    return this.settings.payers();
  }

  @Put('payers/:payer')
  @ApiParam({ name: 'payer', enum: PAYERS, description: 'The payer' })
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Set a payer’s unit rule (Medicare stays on the 8-minute rule)' })
  @ApiOkResponse({ type: PayerSettingViewDto, description: 'The setting' })
  @ApiAuthenticated(403)
  setPayer(
    @CurrentActor() actor: Actor,
    @Param('payer', new PayerPipe()) payer: Payer,
    @Body() body: PayerSettingDto,
  ): Promise<PayerSettingViewDto> {
    return this.settings.setPayer(actor, payer, body.unitRule);
  }

  @Get('locations/:id')
  @ApiOperation({ summary: 'A location’s place of service and billing NPI' })
  @ApiOkResponse({
    type: LocationBillingViewDto,
    description: 'The set-up (office, 11, by default)',
  })
  @ApiAuthenticated(404)
  location(@Param('id', UuidParam()) id: string): Promise<LocationBillingViewDto> {
    return this.settings.location(id);
  }

  @Put('locations/:id')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Set a location’s place of service and billing NPI' })
  @ApiOkResponse({ type: LocationBillingViewDto, description: 'The set-up' })
  @ApiAuthenticated(403, 404)
  setLocation(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: LocationBillingDto,
  ): Promise<LocationBillingViewDto> {
    return this.settings.setLocation(actor, id, body);
  }

  @Put('therapists/:id/npi')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Set a rendering therapist’s NPI' })
  @ApiOkResponse({ type: ProviderNpiViewDto, description: 'The NPI on file' })
  @ApiAuthenticated(403, 404)
  setNpi(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: ProviderNpiDto,
  ): Promise<ProviderNpiViewDto> {
    return this.settings.setProviderNpi(actor, id, body.npi);
  }

  @Get('fee-schedules/:locationId/:payer')
  @ApiParam({ name: 'payer', enum: PAYERS, description: 'The payer' })
  @ApiOperation({ summary: 'The charges per unit in effect on a date at a location for a payer' })
  @ApiQuery({
    name: 'onDate',
    required: false,
    example: '2026-12-07',
    description: 'Today by default',
  })
  @ApiOkResponse({ type: FeeScheduleViewDto, description: 'The charges in effect' })
  @ApiAuthenticated(404)
  feeSchedule(
    @Param('locationId', UuidParam()) locationId: string,
    @Param('payer', new PayerPipe()) payer: Payer,
    @Query() query: OnDateQuery,
  ): Promise<FeeScheduleViewDto> {
    return this.settings.feeSchedule(
      locationId,
      payer,
      query.onDate ?? new Date().toISOString().slice(0, 10),
    );
  }

  @Put('fee-schedules/:locationId/:payer')
  @ApiParam({ name: 'payer', enum: PAYERS, description: 'The payer' })
  @Roles(Role.Admin)
  @ApiOperation({
    summary:
      'Set charges per unit for codes at a location for a payer, in effect from a date until a later version',
  })
  @ApiOkResponse({ type: FeeScheduleViewDto, description: 'The charges in effect from that date' })
  @ApiAuthenticated(403, 404)
  setFeeSchedule(
    @CurrentActor() actor: Actor,
    @Param('locationId', UuidParam()) locationId: string,
    @Param('payer', new PayerPipe()) payer: Payer,
    @Body() body: FeeScheduleDto,
  ): Promise<FeeScheduleViewDto> {
    return this.settings.setFeeSchedule(actor, locationId, payer, body);
  }
}
