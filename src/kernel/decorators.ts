import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { callerRequestIdOf, requestIdOf } from '../logging/logger-options';
import type { Actor } from './actor';
import { Role } from './role';

export const IS_PUBLIC = 'auth:public';
export const ROLES = 'auth:roles';

/** The route needs no token (login, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export interface AuthenticatedRequest extends FastifyRequest {
  actor?: Actor;
}

/** The authenticated caller of this request. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without authentication');
  return actor;
});

/** Request metadata for audit rows written before a user is known (login). */
export const RequestMeta = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  return requestMetadataOf(request);
});
export interface RequestMetadata {
  requestId: string;
  /** The caller's own X-Request-Id, kept beside ours in audit rows. */
  callerRequestId?: string;
  clientIp?: string;
}

/** Who and where a request came from, for audit rows: our request id, the caller's, the address. */
export function requestMetadataOf(request: FastifyRequest): RequestMetadata {
  const callerRequestId = callerRequestIdOf(request);
  return {
    requestId: requestIdOf(request),
    ...(callerRequestId ? { callerRequestId } : {}),
    clientIp: request.ip,
  };
}
