import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DroppedPatientsService } from './dropped-patients.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { VisitExportService } from './visit-export.service';

/**
 * Admin reporting across clinics: figures with their definitions as JSON, CSV and a dashboard
 * page. Reads other modules' tables only through the SQL they export (`*.sql.ts`).
 */
@Module({
  imports: [AuditModule],
  controllers: [ReportsController],
  providers: [ReportsService, VisitExportService, DroppedPatientsService],
  exports: [ReportsService],
})
export class ReportingModule {}
