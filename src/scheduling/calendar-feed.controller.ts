import { domainError } from '../common/errors/error-catalogue';
import { SchedulingErrors } from './scheduling.errors';
import { Controller, Delete, Get, Header, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiResponse,
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
import { CalendarFeedPathDto } from './dto/calendar-feed.dto';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const FEED_OWNER_ONLY = {
  status: 403,
  description: 'Only the therapist or an admin manages this feed',
};

@ApiTags('calendar feeds')
@Controller()
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Post('therapists/:id/calendar-feed')
  @Roles(Role.Therapist, Role.Admin)
  @ApiOperation({ summary: 'Create the therapist’s iCalendar feed URL (revokes the previous one)' })
  @ApiCreatedResponse({ type: CalendarFeedPathDto, description: 'The new feed' })
  @ApiAuthenticated(404, FEED_OWNER_ONLY)
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
  @ApiNoContentResponse({ description: 'The feed is revoked; its URL answers 404 from now on' })
  @ApiAuthenticated(404, FEED_OWNER_ONLY)
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
  @ApiParam({
    name: 'file',
    description: 'The token given when the feed was created, followed by `.ics`',
    schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}(\\.ics)?$' },
  })
  @ApiHeader({
    name: 'If-None-Match',
    required: false,
    description: 'The ETag of the copy the calendar client has: 304 if the feed is unchanged',
  })
  @ApiOkResponse({
    description: 'The therapist’s appointments as an iCalendar file',
    headers: {
      ETag: {
        description: 'Version of the feed, for If-None-Match',
        schema: { type: 'string' },
      },
      'Cache-Control': {
        description: 'Calendar clients may keep it for 5 minutes',
        schema: { type: 'string' },
      },
    },
    content: {
      'text/calendar; charset=utf-8': {
        schema: { type: 'string', description: 'An RFC 5545 VCALENDAR' },
      },
    },
  })
  @ApiResponse({
    status: 304,
    description: 'Not modified: the feed is what the ETag in If-None-Match names',
    headers: { ETag: { description: 'Version of the feed', schema: { type: 'string' } } },
  })
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
