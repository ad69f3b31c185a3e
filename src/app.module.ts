import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { HealthModule } from './health/health.module';
import { DirectAccessModule } from './direct-access/direct-access.module';
import { BillingModule } from './billing/billing.module';
import { IntakeModule } from './intake/intake.module';
import { LocationsModule } from './locations/locations.module';
import { loggerOptions } from './logging/logger-options';
import { PatientsModule } from './patients/patients.module';
import { PlansModule } from './plans/plans.module';
import { QueueDashboardModule } from './queue/queue-dashboard.module';
import { QueueModule } from './queue/queue.module';
import { SchedulingModule } from './scheduling/scheduling.module';
import { StaffModule } from './staff/staff.module';
import { RemindersModule } from './reminders/reminders.module';
import { ReportsDashboardModule } from './reporting/dashboard/reports-dashboard.module';
import { ReportingModule } from './reporting/reporting.module';
import { WorkersModule } from './workers.module';

@Module({})
export class AppModule {
  /** @param databaseUrl the server in use: the configured one, or the embedded one started at boot */
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config)),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(databaseUrl, config.database.timeouts),
          autoLoadEntities: true,
        }),
        QueueModule.forRoot(config, databaseUrl),
        AuditModule,
        AuthModule,
        LocationsModule,
        PatientsModule,
        IntakeModule,
        DirectAccessModule,
        PlansModule,
        BillingModule,
        StaffModule,
        SchedulingModule,
        RemindersModule,
        ReportingModule,
        HealthModule,
        ...(config.runsApi ? [QueueDashboardModule, ReportsDashboardModule] : []),
        WorkersModule.register(config.runsWorkers),
      ],
    };
  }
}
