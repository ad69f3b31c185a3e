import fastifyEtag from '@fastify/etag';
import fastifyHelmet from '@fastify/helmet';
import { INestApplication, INestApplicationContext, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { RawServerDefault } from 'fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../app.module';
import { withErrorCatalogue } from '../common/errors/error-catalogue.openapi';
import { requestValidationError } from '../common/errors/validation-errors';
import { ProblemDetailsFilter } from '../common/errors/problem-details.filter';
import type { AppConfig } from '../config/app-config';
import { REQUEST_ID_HEADER, requestIdFor } from '../logging/logger-options';

/**
 * The HTTP server: Fastify, whose own cost per request on a 2-core machine was about a quarter of
 * Express's, which mattered for booking throughput. Proxies on loopback and private networks are
 * trusted for the client address; the request id is the proxy's X-Request-Id when well formed.
 */
function httpAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    trustProxy: 'loopback, linklocal, uniquelocal',
    bodyLimit: config.http.bodyLimitBytes,
    genReqId: requestIdFor,
    requestIdHeader: false,
    // As routing was before: with or without a trailing slash, in any case (parameters, such
    // as a feed's token, keep theirs).
    routerOptions: { ignoreTrailingSlash: true, caseSensitive: false },
  });
}

/** Applies what every HTTP instance needs: security headers, validation, errors, docs. */
export async function configureHttp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  // Bodies are JSON, or the HTML form of the waitlist offer's confirmation page; anything else,
  // plain text included, is 415. An empty JSON body is no body: clients send the JSON content
  // type on bodiless actions such as POST /appointments/{id}/confirm.
  fastify.removeContentTypeParser('text/plain');
  app.useBodyParser('application/x-www-form-urlencoded', { bodyLimit: config.http.bodyLimitBytes });
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>(
    'application/json',
    { bodyLimit: config.http.bodyLimitBytes },
    (request, body, done) =>
      body.length === 0 ? done(null, undefined) : parseJson(request, body.toString('utf8'), done),
  );
  await app.register(fastifyHelmet);
  // Conditional GETs (calendar clients polling a feed) get 304 Not Modified.
  await app.register(fastifyEtag);
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      exceptionFactory: requestValidationError,
    }),
  );
  app.useGlobalFilters(new ProblemDetailsFilter());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('PT Practice API')
      .setDescription(
        'Practice management for physical-therapy clinic groups. Errors are RFC 9457 problem+json; ' +
          'lists take `limit` and `offset` and return `{ items, total, limit, offset }`.',
      )
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  // Every module, and so every error catalogue, is loaded by now: the document lists each code.
  SwaggerModule.setup('docs', app, withErrorCatalogue(document), { jsonDocumentUrl: 'docs-json' });
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
  context.useLogger(context.get(Logger));
  await context.init();
  return context;
}
