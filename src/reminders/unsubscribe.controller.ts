import { Controller, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { Public, RequestMeta, type RequestMetadata } from '../kernel/decorators';
import { ApiProblems } from '../common/api-errors.decorator';
import { domainError } from '../common/errors/error-catalogue';
import { simplePage } from '../common/html-page';
import { PatientsService } from '../patients/patients.service';
import { EmailLinks } from './email-links';
import { RemindersErrors } from './reminders.errors';

const TOKEN_QUERY = {
  name: 'token',
  required: true,
  description: 'The signed token from the email’s unsubscribe link',
};

/**
 * One-click unsubscribe (RFC 8058). Mail clients POST to the link from the List-Unsubscribe
 * header; a person who follows the link gets a page with a button, because link scanners and
 * previews fetch every URL in an email with GET and must not unsubscribe anyone.
 */
@ApiTags('email')
@Public()
@Controller('email/unsubscribe')
export class UnsubscribeController {
  constructor(
    private readonly links: EmailLinks,
    private readonly patients: PatientsService,
  ) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'The unsubscribe page a patient reaches from an email (no login)' })
  @ApiQuery(TOKEN_QUERY)
  @ApiProduces('text/html')
  @ApiOkResponse({
    description: 'A page with one button that unsubscribes',
    content: {
      'text/html; charset=utf-8': { schema: { type: 'string', description: 'The page' } },
    },
  })
  @ApiProblems(400)
  page(@Query('token') token: unknown): string {
    this.patientOf(token);
    return simplePage(
      'Unsubscribe',
      `<h1>Stop emails from your clinic?</h1>
<p>You will no longer get appointment reminders or other emails. The clinic can still call you.</p>
<form method="post"><button type="submit">Unsubscribe</button></form>`,
    );
  }

  @Post()
  // Mail providers send `List-Unsubscribe=One-Click` urlencoded or as multipart/form-data
  // (RFC 8058 3.2, 8.3); the HTTP set-up (bootstrap/create-app.ts) takes exactly those here.
  @RouteConfig({ formsOnly: true })
  @HttpCode(200)
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Unsubscribe a patient from email (RFC 8058 one-click; no login)',
    description:
      'Mail clients send `List-Unsubscribe=One-Click` as a form body; the body is not needed. ' +
      'Repeating it is harmless.',
  })
  @ApiQuery(TOKEN_QUERY)
  @ApiProduces('text/html')
  @ApiConsumes('application/x-www-form-urlencoded', 'multipart/form-data')
  @ApiBody({
    required: false,
    description: 'What mail clients send (RFC 8058); the signed link is what unsubscribes',
    schema: {
      type: 'object',
      properties: {
        'List-Unsubscribe': {
          type: 'string',
          enum: ['One-Click'],
          description: 'Sent by one-click unsubscribe',
        },
      },
    },
  })
  @ApiOkResponse({
    description: 'The patient gets no more email',
    content: {
      'text/html; charset=utf-8': { schema: { type: 'string', description: 'The page' } },
    },
  })
  @ApiProblems(400)
  async unsubscribe(
    @Query('token') token: unknown,
    @RequestMeta() request: RequestMetadata,
  ): Promise<string> {
    await this.patients.withdrawEmailConsent(this.patientOf(token), request);
    return simplePage(
      'Unsubscribed',
      `<h1>You are unsubscribed</h1>
<p>You will get no more emails from your clinic. To receive them again, ask the front desk.</p>`,
    );
  }

  private patientOf(token: unknown): string {
    const patientId = typeof token === 'string' ? this.links.unsubscribingPatient(token) : null;
    if (!patientId) {
      throw domainError(RemindersErrors.emailInvalidLink, 'This unsubscribe link is not valid', [
        { field: 'token', reason: 'is missing, altered or not an unsubscribe token' },
      ]);
    }
    return patientId;
  }
}
