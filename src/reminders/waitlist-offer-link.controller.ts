import { Controller, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { DateTime } from 'luxon';
import { Public, RequestMeta, type RequestMetadata } from '../kernel/decorators';
import { ApiProblems } from '../common/api-errors.decorator';
import { domainError } from '../common/errors/error-catalogue';
import { simplePage } from '../common/html-page';
import { EmailLinks } from './email-links';
import { BookingService } from '../scheduling/booking.service';
import { RemindersErrors } from './reminders.errors';

const TOKEN_QUERY = {
  name: 'token',
  required: true,
  description: 'The signed token from the offer email’s link',
};

/**
 * The link in a waitlist offer email. Following it shows a page with one button; the button
 * books the offered slot. GET never books, because mail scanners open every link in an email.
 */
@ApiTags('email')
@Public()
@Controller('email/waitlist-offers/accept')
export class WaitlistOfferLinkController {
  constructor(
    private readonly links: EmailLinks,
    private readonly booking: BookingService,
  ) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'The page a waiting patient reaches from an offer email (no login)' })
  @ApiQuery(TOKEN_QUERY)
  @ApiProduces('text/html')
  @ApiOkResponse({
    description: 'A page with one button that takes the offered time',
    content: {
      'text/html; charset=utf-8': { schema: { type: 'string', description: 'The page' } },
    },
  })
  @ApiProblems(400)
  page(@Query('token') token: unknown): string {
    this.offerOf(token);
    return simplePage(
      'Take the offered time',
      `<h1>Take the appointment time we offered you?</h1>
<form method="post"><button type="submit">Yes, book it</button></form>`,
    );
  }

  @Post()
  @HttpCode(200)
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Book the offered slot from the offer email (no login)',
    description:
      'Works while the offer is held and the slot is free; 409 once it has expired, been taken ' +
      'or replaced by a later offer.',
  })
  @ApiQuery(TOKEN_QUERY)
  @ApiProduces('text/html')
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({
    required: false,
    description: 'The page’s form, which has no fields: the signed link says which offer',
    schema: { type: 'object', properties: {}, additionalProperties: false },
  })
  @ApiOkResponse({
    description: 'The patient is booked',
    content: {
      'text/html; charset=utf-8': { schema: { type: 'string', description: 'The page' } },
    },
  })
  @ApiProblems(400, 404, 409)
  async accept(
    @Query('token') token: unknown,
    @RequestMeta() request: RequestMetadata,
  ): Promise<string> {
    const offer = this.offerOf(token);
    const { appointment, timeZone } = await this.booking.acceptWaitlistOfferFromEmail(
      offer.entryId,
      offer.offeredStartsAt,
      request,
    );
    const when = DateTime.fromJSDate(appointment.startsAt, { zone: timeZone }).toFormat(
      "cccc, LLLL d, yyyy 'at' h:mm a ZZZZ",
    );
    return simplePage(
      'Booked',
      `<h1>You are booked</h1>
<p>Your appointment is on ${when}. A confirmation email is on its way.</p>`,
    );
  }

  private offerOf(token: unknown) {
    const offer = typeof token === 'string' ? this.links.waitlistOfferOf(token) : null;
    if (!offer) {
      throw domainError(RemindersErrors.emailInvalidLink, 'This offer link is not valid', [
        { field: 'token', reason: 'is missing, altered or not an offer token' },
      ]);
    }
    return offer;
  }
}
