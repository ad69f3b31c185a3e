import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyAdapter } from '@nestjs/platform-fastify';
import { AdminSignInService } from '../../auth/admin-sign-in.service';
import { AuthModule } from '../../auth/auth.module';
import { ReportingModule } from '../reporting.module';
import {
  REPORTS_DASHBOARD_ROUTE,
  ReportsDashboardController,
} from './reports-dashboard.controller';

/** Whether the matched route is the dashboard's (its page, assets and downloads). */
function isDashboardRoute(route: string | undefined): boolean {
  return (
    route !== undefined &&
    (route === REPORTS_DASHBOARD_ROUTE || route.startsWith(`${REPORTS_DASHBOARD_ROUTE}/`))
  );
}

/** The reports dashboard page, on API processes, for admins only (as the queue dashboard). */
@Module({
  imports: [AuthModule, ReportingModule],
  controllers: [ReportsDashboardController],
})
export class ReportsDashboardModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost<FastifyAdapter>,
    private readonly signIn: AdminSignInService,
  ) {}

  onModuleInit(): void {
    this.adapterHost.httpAdapter.getInstance().addHook(
      'onRequest',
      this.signIn.hook({
        covers: isDashboardRoute,
        realm: 'PT Practice reports',
        forbidden: 'Only admins may see the reports dashboard',
      }),
    );
  }
}
