import { BullBoardModule } from '@bull-board/nestjs';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import { BullModule } from '@nestjs/bullmq';
import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyAdapter } from '@nestjs/platform-fastify';
import { AuthModule } from '../auth/auth.module';
import { AdminSignInService } from '../auth/admin-sign-in.service';
import { QueueName } from '../kernel/queue-names';

export const QUEUE_DASHBOARD_ROUTE = '/admin/queues';

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

/** The BullMQ dashboard (bull-board) at /admin/queues, on API processes, for admins only. */
@Module({
  imports: [
    AuthModule,
    BullModule.registerQueue(
      { name: QueueName.Notifications },
      { name: QueueName.AuditExports },
      { name: QueueName.StaffDigests },
    ),
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
      { name: QueueName.StaffDigests, adapter: BullMQAdapter },
    ),
  ],
})
export class QueueDashboardModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost<FastifyAdapter>,
    private readonly signIn: AdminSignInService,
  ) {}

  /** Guards every path under the dashboard's route, which Nest middleware would match only exactly. */
  onModuleInit(): void {
    this.adapterHost.httpAdapter.getInstance().addHook(
      'onRequest',
      this.signIn.hook({
        covers: isDashboardRoute,
        realm: 'PT Practice queues',
        forbidden: 'Only admins may see the queues',
      }),
    );
  }
}
