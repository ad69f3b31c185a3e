import { domainError } from '../common/errors/error-catalogue';
import { AuthErrors } from './auth.errors';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthService } from './auth.service';
import { AuthenticatedRequest, IS_PUBLIC, requestMetadataOf, ROLES } from '../kernel/decorators';
import type { Role } from '../kernel/role';

/** Every route needs a valid bearer token unless it is marked @Public(). */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw domainError(
        AuthErrors.tokenMissing,
        'Send a bearer token: Authorization: Bearer <token>',
      );
    }
    const actor = await this.auth.actorFromToken(token, requestMetadataOf(request));
    if (!actor) {
      throw domainError(
        AuthErrors.tokenInvalid,
        'The token is invalid or expired, or the account is disabled',
      );
    }
    request.actor = actor;
    return true;
  }
}

/** Enforces @Roles(...) on a route or controller. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles) return true;
    const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
    if (actor && roles.includes(actor.role)) return true;
    throw domainError(AuthErrors.roleForbidden, `Only ${roles.join(', ')} may do this`);
  }
}
