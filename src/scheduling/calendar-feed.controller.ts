import { domainError } from '../common/errors/error-catalogue';
import { SchedulingErrors } from './scheduling.errors';
import { Controller, Delete, Get, Header, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../kernel/actor';
import { CurrentActor, Public, Roles } from '../kernel/decorators';
import { Role } from '../kernel/role';
import { ApiAuthenticated, ApiProblems } from '../common/api-errors.decorator';
import { UuidParam } from '../common/uuid-param.pipe';
import { requestIdOf } from '../logging/logger-options';
import { CalendarFeedService } from './calendar-feed.service';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

@ApiTags('calendar feeds')
@Controller()
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Post('therapists/:id/calendar-feed')
  @Roles(Role.Therapist, Role.Admin)
  @ApiOperation({ summary: 'Create the therapist’s iCalendar feed URL (revokes the previous one)' })
  @ApiCreatedResponse({ schema: { example: { path: '/calendar-feeds/<token>.ics' } } })
  @ApiAuthenticated(404)
  async issue(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
  ): Promise<{ path: string }> {
    return { path: `/calendar-feeds/${await this.feeds.issue(actor, id)}.ics` };
  }

  @Delete('therapists/:id/calendar-feed')
  @HttpCode(204)
  @Roles(Role.Therapist, Role.Admin)
  @ApiOperation({ summary: 'Revoke the therapist’s calendar feed' })
  @ApiNoContentResponse()
  @ApiAuthenticated(404)
  async revoke(@CurrentActor() actor: Actor, @Param('id', UuidParam()) id: string): Promise<void> {
    await this.feeds.revoke(actor, id);
  }

  @Public()
  @Get('calendar-feeds/:file')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, max-age=300')
  @ApiOperation({
    summary: 'A therapist’s schedule as iCalendar (RFC 5545); the token is the credential',
  })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiProblems(400, 404)
  async feed(@Param('file') file: string, @Req() request: FastifyRequest): Promise<string> {
    const token = file.replace(/\.ics$/, '');
    if (!TOKEN.test(token)) {
      throw domainError(SchedulingErrors.calendarFeedBadToken, 'The feed address is malformed', [
        { field: 'token', reason: 'must be the token given when the feed was created' },
      ]);
    }
    return this.feeds.render(token, requestIdOf(request));
  }
}
