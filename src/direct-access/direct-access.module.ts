import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { IntakeModule } from '../intake/intake.module';
import { LocationsModule } from '../locations/locations.module';
import { PatientsModule } from '../patients/patients.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { DirectAccessController } from './direct-access.controller';
import { DirectAccessTimelineSource } from './direct-access-timeline';
import { EvaluationsService } from './evaluations.service';
import { RecordsService } from './records.service';
import { RulesService } from './rules.service';
import { PlanStarts } from './plan-start.port';
import { TaskSources } from './task-sources.port';
import { TasksService } from './tasks.service';
import { TreatmentGatePolicy } from './treatment-gate.policy';

/**
 * Direct access: may a patient be treated without a referral, until when, and what is due. Rules
 * as versioned data, evaluations, the documents they turn on, and the treatment gate that
 * scheduling applies to every treatment visit booked in an episode.
 */
@Module({
  imports: [AuditModule, IntakeModule, LocationsModule, PatientsModule, SchedulingModule],
  controllers: [DirectAccessController],
  providers: [
    DirectAccessTimelineSource,
    EvaluationsService,
    RecordsService,
    RulesService,
    TaskSources,
    PlanStarts,
    TasksService,
    TreatmentGatePolicy,
  ],
  exports: [EvaluationsService, TaskSources, TasksService, PlanStarts],
})
export class DirectAccessModule {}
