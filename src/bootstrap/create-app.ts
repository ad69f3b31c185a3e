import fastifyEtag from '@fastify/etag';
import fastifyHelmet from '@fastify/helmet';
import { INestApplication, INestApplicationContext, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { errorCodes, type FastifyReply, type FastifyRequest, type RawServerDefault } from 'fastify';
import { Logger } from 'nestjs-pino';
import { QuietStartLogger } from '../logging/quiet-start-logger';
import { AppModule } from '../app.module';
import { requestValidationError } from '../common/errors/validation-errors';
import { ProblemDetailsFilter } from '../common/errors/problem-details.filter';
import { clientErrorHandler } from '../common/errors/client-errors';
import { NulCharactersPipe } from '../common/nul-characters.pipe';
import type { ProblemDetails } from '../common/errors/problem-details';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedRequest } from '../kernel/decorators';
import type { AppConfig } from '../config/app-config';
import { REQUEST_ID_HEADER, requestIdFor } from '../logging/logger-options';
import { buildOpenApiDocument } from './openapi-document';

/**
 * The HTTP server: Fastify, whose own cost per request on a 2-core machine was about a quarter of
 * Express's, which mattered for booking throughput. Only the proxies TRUST_PROXY names are
 * trusted for the client address; the request id is the proxy's X-Request-Id when well formed.
 */
function httpAdapter(config: AppConfig): FastifyAdapter {
  const problems = new ProblemDetailsFilter(config.email.publicBaseUrl);
  return new FastifyAdapter({
    // X-Forwarded-For is believed only from the proxies TRUST_PROXY names: from anyone else it
    // would let a client choose the address its rate limit and audit rows are kept under.
    trustProxy:
      config.http.trustedProxies.length > 0 ? config.http.trustedProxies.join(',') : false,
    bodyLimit: config.http.bodyLimitBytes,
    genReqId: requestIdFor,
    requestIdHeader: false,
    // As routing was before: with or without a trailing slash, in any case (parameters, such
    // as a feed's token, keep theirs).
    routerOptions: { ignoreTrailingSlash: true, caseSensitive: false },
    // What Fastify and Node refuse before a route runs (a path parameter over its length, 414;
    // headers over 16 KiB, 431) is problem+json too, not their plain JSON.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) =>
      problems.send(error, request, reply),
    clientErrorHandler: clientErrorHandler(config.email.publicBaseUrl),
  });
}

const URLENCODED_FORM = 'application/x-www-form-urlencoded';
const MULTIPART_FORM = 'multipart/form-data';
/** A one-click unsubscribe body is 124 bytes (RFC 8058 8.3) or so; a few KiB is plenty. */
const MULTIPART_FORM_LIMIT_BYTES = 4096;

/**
 * Whether the route takes HTML form posts only, as it says with
 * `@RouteConfig({ formsOnly: true })` (RFC 8058 one-click unsubscribe): a urlencoded or
 * multipart form, or no body; any other type is 415. No other route takes multipart.
 */
function takesFormsOnly(request: FastifyRequest): boolean {
  return (request.routeOptions.config as { formsOnly?: unknown }).formsOnly === true;
}

/** The body's media type (`type/subtype`, lower case), as Fastify matches its parsers. */
function mediaTypeOf(request: FastifyRequest): string | undefined {
  const header = request.headers['content-type'];
  return header ? header.split(';')[0].trim().toLowerCase() : undefined;
}

/**
 * Puts a signed-in caller's refused attempt on the audit trail (HIPAA 164.312(b)): the route and
 * the ids it named, and the answer (404 for what they may not see, 403 for what they may not do).
 * Anonymous refusals (no or a bad token) are the login's business, not a record's.
 */
async function recordRefusal(
  audit: AuditService,
  request: AuthenticatedRequest,
  problem: ProblemDetails,
): Promise<void> {
  if (!request.actor) return;
  const params = (request.params ?? {}) as Record<string, string>;
  const route = request.routeOptions.url ?? problem.instance ?? '';
  await audit.record({
    actor: request.actor,
    action: 'access_refused',
    entityType: route.split('/').find((segment) => segment && !segment.startsWith(':')) ?? 'route',
    entityId: params.id ?? Object.values(params)[0] ?? null,
    details: { method: request.method, route, params, status: problem.status, code: problem.code },
  });
}

/** Applies what every HTTP instance needs: security headers, validation, errors, docs. */
export async function configureHttp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  app.useLogger(new QuietStartLogger(app.get(Logger)));
  const fastify = app.getHttpAdapter().getInstance();
  // Bodies are JSON, or the HTML forms of the waitlist offer's confirmation page and of
  // unsubscribing; anything else, plain text included, is 415. An empty JSON body is no body:
  // clients send the JSON content type on bodiless actions such as POST /appointments/{id}/confirm.
  fastify.removeContentTypeParser('text/plain');
  app.useBodyParser(URLENCODED_FORM, { bodyLimit: config.http.bodyLimitBytes });
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>(
    'application/json',
    { bodyLimit: config.http.bodyLimitBytes },
    (request, body, done) =>
      body.length === 0 ? done(null, undefined) : parseJson(request, body.toString('utf8'), done),
  );
  // Mail providers post RFC 8058 one-click unsubscribes as urlencoded or multipart forms. The
  // signed link is what unsubscribes, so a multipart body is read (a few KiB at most, else 413)
  // and dropped unparsed: a file part in it is never kept, let alone written anywhere.
  app.useBodyParser<RawServerDefault>(
    MULTIPART_FORM,
    { bodyLimit: Math.min(config.http.bodyLimitBytes, MULTIPART_FORM_LIMIT_BYTES) },
    // An unknown route answers 404, not 415, whatever it was sent.
    (request, _body, done) =>
      takesFormsOnly(request) || request.is404
        ? done(null, undefined)
        : done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE()),
  );
  // Decided before a body is read: multipart only on forms-only routes, and forms (or no body)
  // only there. Unknown routes stay 404; GET and HEAD carry no body, whatever their headers say.
  fastify.addHook('preParsing', (request, _reply, payload, done) => {
    const type = mediaTypeOf(request);
    const refused =
      type !== undefined &&
      request.method !== 'GET' &&
      request.method !== 'HEAD' &&
      !request.is404 &&
      (takesFormsOnly(request)
        ? type !== URLENCODED_FORM && type !== MULTIPART_FORM
        : type === MULTIPART_FORM);
    if (refused) done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE());
    else done(null, payload);
  });
  // Browsers upgrade every request of a page with `upgrade-insecure-requests` to https, so /docs
  // and the patients' pages served over plain http (development, a LAN address) would load
  // nothing: the directive is sent only where the service is served over https.
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        upgradeInsecureRequests: config.email.publicBaseUrl.startsWith('https://') ? [] : null,
      },
    },
  });
  // Conditional GETs (calendar clients polling a feed) get 304 Not Modified.
  await app.register(fastifyEtag);
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  // Answers carry patient data, so no cache, shared or the browser's own, may keep them; a route
  // that may be cached says so itself (a calendar feed, the static pages of /docs).
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (!reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
    done(null, payload);
  });
  app.useGlobalPipes(
    new NulCharactersPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      exceptionFactory: requestValidationError,
    }),
  );
  const audit = app.get(AuditService);
  app.useGlobalFilters(
    new ProblemDetailsFilter(config.email.publicBaseUrl, (request, problem) =>
      recordRefusal(audit, request, problem),
    ),
  );
  // Every module, and so every error catalogue, is loaded by now: the document lists each code.
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app, config), {
    jsonDocumentUrl: 'docs-json',
  });
}

/** Builds the HTTP application (API role, or API and workers). */
export async function createHttpApp(
  config: AppConfig,
  databaseUrl: string,
): Promise<INestApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, databaseUrl),
    httpAdapter(config),
    { bodyParser: false, bufferLogs: true },
  );
  await configureHttp(app, config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/** Builds a worker-only process: no HTTP server, processors only. */
export async function createWorkerContext(
  config: AppConfig,
  databaseUrl: string,
): Promise<INestApplicationContext> {
  const context = await NestFactory.createApplicationContext(
    AppModule.forRoot(config, databaseUrl),
    { bufferLogs: true },
  );
  context.useLogger(new QuietStartLogger(context.get(Logger)));
  await context.init();
  return context;
}
