import { BullBoardModule } from '@bull-board/nestjs';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import { BullModule } from '@nestjs/bullmq';
import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { AuthModule } from '../auth/auth.module';
import { AuthService } from '../auth/auth.service';
import { Role } from '../kernel/role';
import { DomainError } from '../common/errors/domain-error';
import { PROBLEM_CONTENT_TYPE } from '../common/errors/problem-details';
import { requestIdOf } from '../logging/logger-options';
import { QueueName } from '../kernel/queue-names';

export const QUEUE_DASHBOARD_ROUTE = '/admin/queues';

/** How long a browser's Basic credentials stay verified before the password is checked again. */
const BASIC_SESSION_MS = 5 * 60_000;

/**
 * Whether the route the router matched is the dashboard's, its pages or its API. Decided on the
 * matched route, never on the URL as sent: the router decodes `/admin/%71ueues` and reads an
 * absolute-form target, so a test of the raw URL could be walked around.
 */
function isDashboardRoute(route: string | undefined): boolean {
  return (
    route !== undefined &&
    (route === QUEUE_DASHBOARD_ROUTE || route.startsWith(`${QUEUE_DASHBOARD_ROUTE}/`))
  );
}

/**
 * Admins only. A browser gets the usual Basic-auth prompt (the admin's email and password, checked
 * by the same login as the API, lockout included); scripts may send the API's bearer token. A
 * verified Basic login is remembered for a few minutes as its access token, so the dashboard's
 * polling does not cost a password hash per request, while a deactivated or demoted admin is
 * still refused at once.
 */
function adminOnly(auth: AuthService) {
  const sessions = new Map<string, { token: string; expires: number }>();

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
    const { token } = await auth.login(decoded.slice(0, separator), decoded.slice(separator + 1), {
      requestId: requestIdOf(request),
      clientIp: request.ip,
    });
    for (const [stale, { expires }] of sessions) if (expires <= Date.now()) sessions.delete(stale);
    sessions.set(key, { token, expires: Date.now() + BASIC_SESSION_MS });
    return token;
  }

  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!isDashboardRoute(request.routeOptions.url)) return;
    const refuse = (status: 401 | 403, detail: string) => {
      if (status === 401) {
        reply.header('WWW-Authenticate', 'Basic realm="PT Practice queues", charset="UTF-8"');
      }
      return reply
        .code(status)
        .type(PROBLEM_CONTENT_TYPE)
        .send(
          JSON.stringify({
            type: 'about:blank',
            title: status === 403 ? 'Forbidden' : 'Authentication required',
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
      if (error instanceof DomainError) return refuse(401, error.message);
      throw error;
    }
    if (!token) return refuse(401, 'Sign in as an admin');
    const actor = await auth.actorFromToken(token, {
      requestId: requestIdOf(request),
      clientIp: request.ip,
    });
    if (!actor) return refuse(401, 'The credentials are invalid or expired');
    if (actor.role !== Role.Admin) return refuse(403, 'Only admins may see the queues');
  };
}

/** The BullMQ dashboard (bull-board) at /admin/queues, on API processes, for admins only. */
@Module({
  imports: [
    AuthModule,
    BullModule.registerQueue({ name: QueueName.Notifications }, { name: QueueName.AuditExports }),
    BullBoardModule.forRootAsync({
      useFactory: () => ({
        route: QUEUE_DASHBOARD_ROUTE,
        adapter: BullBoardFastifyAdapter,
        boardOptions: { uiConfig: { boardTitle: 'PT Practice queues' } },
      }),
    }),
    BullBoardModule.forFeature(
      { name: QueueName.Notifications, adapter: BullMQAdapter },
      { name: QueueName.AuditExports, adapter: BullMQAdapter },
    ),
  ],
})
export class QueueDashboardModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost<FastifyAdapter>,
    private readonly auth: AuthService,
  ) {}

  /** Guards every path under the dashboard's route, which Nest middleware would match only exactly. */
  onModuleInit(): void {
    this.adapterHost.httpAdapter.getInstance().addHook('onRequest', adminOnly(this.auth));
  }
}
