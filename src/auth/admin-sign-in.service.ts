import { Inject, Injectable } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { CommonErrors } from '../common/errors/common.errors';
import { DomainError } from '../common/errors/domain-error';
import { domainError } from '../common/errors/error-catalogue';
import { TITLE_BY_STATUS } from '../common/errors/problem-details.filter';
import { AppConfig } from '../config/app-config';
import { PROBLEM_CONTENT_TYPE } from '../common/errors/problem-details';
import { requestMetadataOf, type AuthenticatedRequest } from '../kernel/decorators';
import { Role } from '../kernel/role';
import { requestIdOf } from '../logging/logger-options';
import { AuthService } from './auth.service';

/** How long a browser's Basic credentials stay verified before the password is checked again. */
const BASIC_SESSION_MS = 5 * 60_000;

const MINUTE_MS = 60_000;

export interface AdminPages {
  /** Whether the route the router matched is one of the pages' (their assets and API too). */
  covers(route: string | undefined): boolean;
  /** The Basic realm a browser shows when it asks for the admin's email and password. */
  realm: string;
  /** What a signed-in user who is not an admin is told. */
  forbidden: string;
}

/**
 * Sign-in for the admin pages a browser opens (the queue dashboard, the reports dashboard).
 * Admins only. A browser gets the usual Basic-auth prompt (the admin's email and password, checked
 * by the same login as the API, lockout included); scripts may send the API's bearer token. A
 * verified Basic login is remembered for a few minutes as its access token, so a page's polling
 * does not cost a password hash per request, while a deactivated or demoted admin is still
 * refused at once. The admin is set as the request's actor for the handlers behind it. Password
 * checks count per address against LOGIN_RATE_LIMIT_PER_MINUTE, as sign-ins do, and answer 429
 * beyond it, so passwords cannot be guessed here at leisure.
 */
@Injectable()
export class AdminSignInService {
  constructor(
    private readonly auth: AuthService,
    @Inject(ThrottlerStorage) private readonly throttler: ThrottlerStorage,
    private readonly config: AppConfig,
  ) {}

  /**
   * Counts a password check against the caller's address, as the login route's throttler does;
   * the seconds to wait when over the limit, else undefined. A remembered session costs nothing.
   */
  private async secondsToWait(request: FastifyRequest): Promise<number | undefined> {
    const record = await this.throttler.increment(
      `admin-pages-basic:${request.ip}`,
      MINUTE_MS,
      this.config.auth.loginRateLimitPerMinute,
      MINUTE_MS,
      'admin-pages-basic',
    );
    return record.isBlocked ? Math.max(1, record.timeToBlockExpire) : undefined;
  }

  /**
   * A Fastify onRequest hook guarding the pages. It decides on the matched route, never on the
   * URL as sent: the router decodes `/admin/%71ueues` and reads an absolute-form target, so a test
   * of the raw URL could be walked around.
   */
  hook(pages: AdminPages): (request: FastifyRequest, reply: FastifyReply) => Promise<void> {
    const sessions = new Map<string, { token: string; expires: number }>();
    const auth = this.auth;
    const secondsToWait = (request: FastifyRequest) => this.secondsToWait(request);

    async function tokenFrom(request: FastifyRequest): Promise<string | undefined> {
      const [scheme, value] = (request.headers.authorization ?? '').split(' ');
      if (scheme?.toLowerCase() === 'bearer' && value) return value;
      if (scheme?.toLowerCase() !== 'basic' || !value) return undefined;
      const key = createHash('sha256').update(value).digest('hex');
      const session = sessions.get(key);
      if (session && session.expires > Date.now()) return session.token;
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const separator = decoded.indexOf(':');
      if (separator < 0) return undefined;
      const wait = await secondsToWait(request);
      if (wait !== undefined) {
        throw domainError(
          CommonErrors.rateLimited,
          'Too many sign-in attempts from this address; retry later',
          [],
          wait,
        );
      }
      const { token } = await auth.login(
        decoded.slice(0, separator),
        decoded.slice(separator + 1),
        requestMetadataOf(request),
      );
      for (const [stale, { expires }] of sessions)
        if (expires <= Date.now()) sessions.delete(stale);
      sessions.set(key, { token, expires: Date.now() + BASIC_SESSION_MS });
      return token;
    }

    return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
      if (!pages.covers(request.routeOptions.url)) return;
      const refuse = (status: 401 | 403 | 429, detail: string, retryAfterSeconds?: number) => {
        if (retryAfterSeconds !== undefined) reply.header('Retry-After', String(retryAfterSeconds));
        if (status === 401) {
          reply.header('WWW-Authenticate', `Basic realm="${pages.realm}", charset="UTF-8"`);
        }
        return reply
          .code(status)
          .type(PROBLEM_CONTENT_TYPE)
          .send(
            JSON.stringify({
              type: 'about:blank',
              title: TITLE_BY_STATUS[status],
              status,
              detail,
              instance: request.url.split('?')[0],
              requestId: requestIdOf(request),
            }),
          );
      };
      let token: string | undefined;
      try {
        token = await tokenFrom(request);
      } catch (error) {
        if (error instanceof DomainError && error.code === CommonErrors.rateLimited) {
          return refuse(429, error.message, error.retryAfterSeconds);
        }
        if (error instanceof DomainError) return refuse(401, error.message);
        throw error;
      }
      if (!token) return refuse(401, 'Sign in as an admin');
      const actor = await auth.actorFromToken(token, requestMetadataOf(request));
      if (!actor) return refuse(401, 'The credentials are invalid or expired');
      if (actor.role !== Role.Admin) return refuse(403, pages.forbidden);
      (request as AuthenticatedRequest).actor = actor;
    };
  }
}
