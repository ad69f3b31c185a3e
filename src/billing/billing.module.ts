import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { IntakeModule } from '../intake/intake.module';
import { PlansModule } from '../plans/plans.module';
import { BillingSettingsController } from './billing-settings.controller';
import { BillingSettingsService } from './billing-settings.service';
import { SuperbillsService } from './superbills.service';
import { VisitRecordsController } from './visit-records.controller';
import { VisitRecordsService } from './visit-records.service';

/**
 * Billing: the record of each completed visit (services, minutes, units by the payer's rule),
 * the clinic's fee schedules and billing identity, and superbills with the modifiers payers ask.
 */
@Module({
  imports: [AuditModule, IntakeModule, PlansModule],
  controllers: [BillingSettingsController, VisitRecordsController],
  providers: [BillingSettingsService, VisitRecordsService, SuperbillsService],
})
export class BillingModule {}
