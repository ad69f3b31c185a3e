import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../kernel/actor';
import { CurrentActor, Roles } from '../kernel/decorators';
import { Role } from '../kernel/role';
import { ApiAuthenticated } from '../common/api-errors.decorator';
import { ApiPageResponse, Page } from '../common/pagination/page';
import { UuidParam } from '../common/uuid-param.pipe';
import { NotificationDto, NotificationQuery, NotificationSummaryDto } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Roles(Role.Admin)
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'List patient emails by status, kind, patient or appointment (admins)' })
  @ApiPageResponse(NotificationDto, 'One page of notifications, latest send time first')
  @ApiAuthenticated()
  async list(@Query() query: NotificationQuery): Promise<Page<NotificationDto>> {
    const [rows, total] = await this.notifications.list(query);
    return Page.of(
      rows.map((row) => NotificationDto.from(row)),
      total,
      query,
    );
  }

  @Get('summary')
  @ApiOperation({ summary: 'Counts per status, outbox backlog and queue depths (admins)' })
  @ApiOkResponse({ type: NotificationSummaryDto, description: 'The counts' })
  @ApiAuthenticated(503)
  summary(): Promise<NotificationSummaryDto> {
    return this.notifications.summary();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One notification with its delivery state (admins)' })
  @ApiOkResponse({ type: NotificationDto, description: 'The notification' })
  @ApiAuthenticated(404)
  async get(@Param('id', UuidParam()) id: string): Promise<NotificationDto> {
    return NotificationDto.from(await this.notifications.get(id));
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a failed or unconfirmed notification again (admins)' })
  @ApiOkResponse({ type: NotificationDto, description: 'The notification, pending again' })
  @ApiAuthenticated(404, 409)
  async retry(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
  ): Promise<NotificationDto> {
    return NotificationDto.from(await this.notifications.retry(actor, id));
  }
}
