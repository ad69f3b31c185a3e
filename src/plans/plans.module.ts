import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { IntakeModule } from '../intake/intake.module';
import { PlansController } from './plans.controller';
import { PlansOfCareReader } from './plans-of-care-reader.service';
import { PlansService } from './plans.service';
import { TemplatesService } from './templates.service';

/**
 * Plans of care: treatment-plan templates (versioned, clinic-wide or a therapist's own), plans
 * for an episode made from them and tailored, their signatures, amendments and lifecycle, the
 * contraindication checks against the intake, and the read billing codes against.
 */
@Module({
  imports: [AuditModule, IntakeModule],
  controllers: [PlansController],
  providers: [PlansOfCareReader, PlansService, TemplatesService],
  exports: [PlansOfCareReader],
})
export class PlansModule {}
