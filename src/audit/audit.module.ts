import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueName } from '../kernel/queue-names';
import { AuditEvent } from './audit-event.entity';
import { AuditExport } from './audit-export.entity';
import { AuditExportService } from './audit-export.service';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([AuditEvent, AuditExport]),
    BullModule.registerQueue({ name: QueueName.AuditExports }),
  ],
  controllers: [AuditController],
  providers: [AuditService, AuditExportService],
  exports: [AuditService, AuditExportService],
})
export class AuditModule {}
