import { BullBoardModule } from '@bull-board/nestjs';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { AuthModule } from '../auth/auth.module';
import { AuthService } from '../auth/auth.service';
import { Role } from '../auth/role';
import { DomainError } from '../common/errors/domain-error';
import { PROBLEM_CONTENT_TYPE } from '../common/errors/problem-details';
import { requestIdOf } from '../logging/logger-options';
import { QueueName } from './queue-names';

export const QUEUE_DASHBOARD_ROUTE = '/admin/queues';

/** How long a browser's Basic credentials stay verified before the password is checked again. */
const BASIC_SESSION_MS = 5 * 60_000;

/**
 * Admins only. A browser gets the usual Basic-auth prompt (the admin's email and password, checked
 * by the same login as the API, lockout included); scripts may send the API's bearer token. A
 * verified Basic login is remembered for a few minutes as its access token, so the dashboard's
 * polling does not cost a password hash per request, while a deactivated or demoted admin is
 * still refused at once.
 */
function adminOnly(auth: AuthService) {
  const sessions = new Map<string, { token: string; expires: number }>();

  async function tokenFrom(request: Request): Promise<string | undefined> {
    const [scheme, value] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() === 'bearer' && value) return value;
    if (scheme?.toLowerCase() !== 'basic' || !value) return undefined;
    const key = createHash('sha256').update(value).digest('hex');
    const session = sessions.get(key);
    if (session && session.expires > Date.now()) return session.token;
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    if (separator < 0) return undefined;
    const { token } = await auth.login(decoded.slice(0, separator), decoded.slice(separator + 1), {
      requestId: requestIdOf(request),
      clientIp: request.ip,
    });
    for (const [stale, { expires }] of sessions) if (expires <= Date.now()) sessions.delete(stale);
    sessions.set(key, { token, expires: Date.now() + BASIC_SESSION_MS });
    return token;
  }

  return (request: Request, response: Response, next: NextFunction): void => {
    const refuse = (status: 401 | 403 | 423, detail: string) => {
      if (status === 401) {
        response.setHeader('WWW-Authenticate', 'Basic realm="PT Practice queues", charset="UTF-8"');
      }
      response
        .status(status)
        .type(PROBLEM_CONTENT_TYPE)
        .send(
          JSON.stringify({
            type: 'about:blank',
            title: status === 403 ? 'Forbidden' : 'Authentication required',
            status,
            detail,
            instance: request.originalUrl.split('?')[0],
            requestId: requestIdOf(request),
          }),
        );
    };
    tokenFrom(request)
      .then(async (token) => {
        if (!token) return refuse(401, 'Sign in as an admin');
        const actor = await auth.actorFromToken(token, {
          requestId: requestIdOf(request),
          clientIp: request.ip,
        });
        if (!actor) return refuse(401, 'The credentials are invalid or expired');
        if (actor.role !== Role.Admin) return refuse(403, 'Only admins may see the queues');
        next();
      })
      .catch((error: unknown) => {
        if (error instanceof DomainError) return refuse(401, error.message);
        next(error);
      });
  };
}

/** The BullMQ dashboard (bull-board) at /admin/queues, on API processes, for admins only. */
@Module({
  imports: [
    BullModule.registerQueue({ name: QueueName.Notifications }, { name: QueueName.AuditExports }),
    BullBoardModule.forRootAsync({
      imports: [AuthModule],
      inject: [AuthService],
      useFactory: (auth: AuthService) => ({
        route: QUEUE_DASHBOARD_ROUTE,
        adapter: ExpressAdapter,
        middleware: adminOnly(auth),
        boardOptions: { uiConfig: { boardTitle: 'PT Practice queues' } },
      }),
    }),
    BullBoardModule.forFeature(
      { name: QueueName.Notifications, adapter: BullMQAdapter },
      { name: QueueName.AuditExports, adapter: BullMQAdapter },
    ),
  ],
})
export class QueueDashboardModule {}
