import type { INestApplication } from '@nestjs/common';
import { ModulesContainer, Reflector } from '@nestjs/core';
import {
  DocumentBuilder,
  type OpenAPIObject,
  type ResponseObject,
  SwaggerModule,
} from '@nestjs/swagger';
import {
  mapOperations,
  problemResponse,
  withRequestBodyProblems,
} from '../common/api-errors.decorator';
import { withErrorCatalogue } from '../common/errors/error-catalogue.openapi';
import type { AppConfig } from '../config/app-config';
import { IS_PUBLIC, ROLES } from '../kernel/decorators';
import type { Role } from '../kernel/role';

/** The name of the bearer-token security scheme. */
export const BEARER_SCHEME = 'bearer';

/** What the guards read of a route: whether it needs a token, and which roles may call it. */
interface RouteAccess {
  isPublic: boolean;
  roles: Role[] | undefined;
}

/**
 * The access rules of every route, by the operationId the document gives it
 * (`<Controller>_<method>`), read from the metadata the guards read, the same way they read it.
 */
function routeAccess(app: INestApplication): Map<string, RouteAccess> {
  const reflector = new Reflector();
  const access = new Map<string, RouteAccess>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (typeof metatype !== 'function') continue;
      const prototype = metatype.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const targets = [handler, metatype];
        access.set(`${metatype.name}_${name}`, {
          isPublic: reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) === true,
          roles: reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets),
        });
      }
    }
  }
  return access;
}

/**
 * Gives every operation the security the guards apply: `security: []` on @Public() routes, the
 * bearer token and its 401 on the others, and 403 naming the roles where @Roles() restricts them.
 */
function withAccessFromGuards(document: OpenAPIObject, app: INestApplication): OpenAPIObject {
  const access = routeAccess(app);
  return mapOperations(document, (operation, method, path) => {
    const route = operation.operationId ? access.get(operation.operationId) : undefined;
    if (!route) {
      throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} matches no controller method`);
    }
    if (route.isPublic) return { ...operation, security: [] };
    // A route's own 403 (a rule beyond its roles) keeps its words; the roles are added to them.
    const ownForbidden = operation.responses[403] as ResponseObject | undefined;
    const roles = route.roles && `Only these roles may call it: ${route.roles.join(', ')}`;
    const forbidden = roles
      ? {
          403: problemResponse(403, ownForbidden ? `${ownForbidden.description}. ${roles}` : roles),
        }
      : {};
    return {
      ...operation,
      security: [{ [BEARER_SCHEME]: [] }],
      responses: { ...operation.responses, 401: problemResponse(401), ...forbidden },
    };
  });
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The server the document names: PUBLIC_BASE_URL, where clients reach the deployment. On a
 * loopback address (the default outside production, `http://localhost:<PORT>`, which nobody
 * chose), only its path: relative to wherever the client fetched the document, which is right
 * however a developer reaches the service.
 */
export function documentedServerUrl(publicBaseUrl: string): string {
  const url = new URL(publicBaseUrl);
  return LOOPBACK_HOSTS.has(url.hostname) ? url.pathname : publicBaseUrl;
}

/**
 * The OpenAPI document of the application: every route with its summary, parameters, response
 * shapes and problem responses; the servers and security the deployment has; and the error
 * catalogue, each code with its problem type URI. Build it once every module is loaded.
 */
export function buildOpenApiDocument(app: INestApplication, config: AppConfig): OpenAPIObject {
  const publicBaseUrl = config.email.publicBaseUrl;
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('PT Practice API')
      .setDescription(
        'Practice management for physical-therapy clinic groups. Errors are RFC 9457 problem+json; ' +
          'lists take `limit` and `offset` and return `{ items, total, limit, offset }`.',
      )
      .setVersion('0.1.0')
      .setLicense('MIT', 'https://opensource.org/licenses/MIT')
      .addServer(documentedServerUrl(publicBaseUrl), 'This deployment (PUBLIC_BASE_URL)')
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'The access token from POST /auth/login',
        },
        BEARER_SCHEME,
      )
      .build(),
  );
  return withErrorCatalogue(
    withRequestBodyProblems(withAccessFromGuards(document, app)),
    publicBaseUrl,
  );
}
