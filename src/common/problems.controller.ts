import { Controller, Get, Header, Headers, Param, Res } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
  getSchemaPath,
  type SchemaObject,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '../config/app-config';
import { Public } from '../kernel/decorators';
import { ApiProblems } from './api-errors.decorator';
import { ProblemTypeDto } from './dto/problem-type.dto';
import { domainError, errorEntry } from './errors/error-catalogue';
import { PROBLEM_CODE_SCHEMA } from './errors/error-catalogue.openapi';
import { problemTypeUri } from './errors/problem-details';
import { ProblemTypeErrors } from './errors/problem-details.errors';
import { problemTitle, STATUS_BY_KIND } from './errors/problem-details.filter';
import { simplePage } from './html-page';

const HTML = 'text/html';
const JSON_TYPE = 'application/json';

/** Whether an Accept header prefers JSON to HTML (by q-value, then by order; HTML on a tie). */
export function prefersJson(accept: string | undefined): boolean {
  let best = { json: false, q: 0 };
  for (const range of (accept ?? '').split(',')) {
    const [type, ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
    const json = type === JSON_TYPE || type.endsWith('+json');
    if (!json && type !== HTML) continue;
    const qParameter = parameters.find((parameter) => parameter.startsWith('q='));
    const q = qParameter === undefined ? 1 : Number(qParameter.slice(2));
    if (Number.isFinite(q) && q > best.q) best = { json, q };
  }
  return best.json;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (character) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!,
  );

/**
 * The pages that problem types name: `type` in every problem+json body is
 * `<PUBLIC_BASE_URL>/problems/<code>`, and this answers it with what the code means, as HTML for
 * people or as JSON for programs.
 */
@ApiTags('problems')
@Public()
@Controller('problems')
export class ProblemsController {
  constructor(private readonly config: AppConfig) {}

  @Get(':code')
  @Header('Vary', 'Accept')
  @ApiOperation({
    summary: 'What an error code means: the page a problem’s `type` URI names (no login)',
    description:
      'HTML by default; JSON when the Accept header prefers `application/json`. ' +
      'Every code is listed in the `ProblemCode` schema.',
  })
  @ApiParam({
    name: 'code',
    description: 'An error code, as in `ProblemDetails.code`',
    // The catalogue's schema is added when the document is built, once every module is loaded.
    schema: { $ref: getSchemaPath(PROBLEM_CODE_SCHEMA) } as SchemaObject,
  })
  @ApiProduces(HTML, JSON_TYPE)
  @ApiExtraModels(ProblemTypeDto)
  @ApiOkResponse({
    description: 'The code: its HTTP status, title and meaning',
    content: {
      [`${HTML}; charset=utf-8`]: {
        schema: { type: 'string', description: 'A page describing the code' },
      },
      [JSON_TYPE]: { schema: { $ref: getSchemaPath(ProblemTypeDto) } },
    },
  })
  @ApiProblems({ status: 404, description: 'No error code has this name' })
  describe(
    @Param('code') code: string,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): ProblemTypeDto | string {
    const entry = errorEntry(code);
    if (!entry) {
      throw domainError(ProblemTypeErrors.unknownProblemType, `No error code ${code}`);
    }
    const status = STATUS_BY_KIND[entry.kind];
    const problemType: ProblemTypeDto = {
      type: problemTypeUri(this.config.email.publicBaseUrl, entry.code),
      code: entry.code,
      status,
      title: problemTitle(entry.code, status),
      meaning: entry.meaning,
    };
    if (prefersJson(accept)) {
      reply.type(JSON_TYPE);
      return problemType;
    }
    reply.type(`${HTML}; charset=utf-8`);
    return simplePage(
      escapeHtml(problemType.code),
      `<h1><code>${escapeHtml(problemType.code)}</code></h1>
<p>HTTP ${problemType.status} ${escapeHtml(problemType.title)}</p>
<p>${escapeHtml(problemType.meaning)}</p>
<p>Problem responses (<code>application/problem+json</code>) with this code carry
<code>"type": "${escapeHtml(problemType.type)}"</code> and <code>"code": "${escapeHtml(problemType.code)}"</code>.
Every code is listed in the <a href="/docs">API documentation</a>.</p>`,
    );
  }
}
