import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DirectAccessModule } from '../direct-access/direct-access.module';
import { IntakeModule } from '../intake/intake.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { HomeProgrammeSenders } from './home-programme.port';
import { HomeProgrammeDocuments } from './home-programme-documents.service';
import { HomeProgrammeService } from './home-programme.service';
import { PlanBookingService } from './plan-booking.service';
import { PlanCoveragePolicy } from './plan-coverage.policy';
import { PlanCoverageSettingsService } from './plan-coverage-settings.service';
import { PlanMedicareReader } from './plan-medicare.service';
import { PlanStartOfCare } from './plan-start.source';
import { PlanTasksSource } from './plan-tasks.source';
import { PlansController } from './plans.controller';
import { PlansOfCareReader } from './plans-of-care-reader.service';
import { PlansService } from './plans.service';
import { TemplatesService } from './templates.service';

/**
 * Plans of care: treatment-plan templates (versioned, clinic-wide or a therapist's own), plans
 * for an episode made from them and tailored, their signatures, amendments and lifecycle, the
 * contraindication checks against the intake, the read billing codes against, Medicare's dates
 * of the plans in force for the reports, and the home exercise programme sent to the patient
 * (through the home-programme port reminders plugs into).
 */
@Module({
  imports: [AuditModule, DirectAccessModule, IntakeModule, SchedulingModule],
  controllers: [PlansController],
  providers: [
    HomeProgrammeDocuments,
    HomeProgrammeSenders,
    HomeProgrammeService,
    PlanBookingService,
    PlanCoveragePolicy,
    PlanCoverageSettingsService,
    PlanMedicareReader,
    PlansOfCareReader,
    PlansService,
    PlanStartOfCare,
    PlanTasksSource,
    TemplatesService,
  ],
  exports: [HomeProgrammeDocuments, HomeProgrammeSenders, PlanMedicareReader, PlansOfCareReader],
})
export class PlansModule {}
