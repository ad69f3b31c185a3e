import { DynamicModule, Module } from '@nestjs/common';
import { AuditExportProcessor } from './audit/audit-export.processor';
import { AuditModule } from './audit/audit.module';
import { NotificationProcessor } from './reminders/notification.processor';
import { OutboxRelay } from './reminders/outbox-relay';
import { RemindersModule } from './reminders/reminders.module';
import { StaffDigestProcessor } from './reminders/staff-digest.processor';

/**
 * Holds every queue processor. Only processes whose APP_ROLE includes workers load it with
 * processors, so API-only replicas enqueue jobs but never take them.
 */
@Module({})
export class WorkersModule {
  static register(enabled: boolean): DynamicModule {
    return {
      module: WorkersModule,
      imports: enabled ? [AuditModule, RemindersModule] : [],
      providers: enabled
        ? [AuditExportProcessor, OutboxRelay, NotificationProcessor, StaffDigestProcessor]
        : [],
    };
  }
}
