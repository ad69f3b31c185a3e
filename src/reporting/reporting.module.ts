import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PlansModule } from '../plans/plans.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { DroppedPatientsService } from './dropped-patients.service';
import { MedicareDutiesController } from './medicare-duties.controller';
import { MedicareDutiesService } from './medicare-duties.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { VisitExportService } from './visit-export.service';
import { VisitDaysService } from './visit-days/visit-days.service';

/**
 * Admin reporting across clinics: figures with their definitions as JSON, CSV and a dashboard
 * page. Reads other modules' tables only through the SQL they export (`*.sql.ts`).
 */
@Module({
  imports: [AuditModule, PlansModule, SchedulingModule],
  controllers: [ReportsController, MedicareDutiesController],
  providers: [
    ReportsService,
    VisitExportService,
    DroppedPatientsService,
    MedicareDutiesService,
    VisitDaysService,
  ],
  exports: [ReportsService, MedicareDutiesService],
})
export class ReportingModule {}
