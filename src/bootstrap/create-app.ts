import { INestApplication, INestApplicationContext, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../app.module';
import { requestValidationError } from '../common/errors/validation-errors';
import { ProblemDetailsFilter } from '../common/errors/problem-details.filter';
import type { AppConfig } from '../config/app-config';

/** Applies what every HTTP instance needs: security headers, body limits, validation, errors, docs. */
export function configureHttp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  app.use(helmet());
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.useBodyParser('json', { limit: config.http.bodyLimit });
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
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}

/** Builds the HTTP application (API role, or API and workers). */
export async function createHttpApp(
  config: AppConfig,
  databaseUrl: string,
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, databaseUrl),
    {
      bodyParser: false,
      bufferLogs: true,
    },
  );
  configureHttp(app, config);
  await app.init();
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
