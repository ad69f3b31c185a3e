import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { IntakeModule } from '../intake/intake.module';
import { PatientsModule } from '../patients/patients.module';
import { RemindersModule } from '../reminders/reminders.module';
import { AppointmentsService } from './appointments.service';
import { CalendarFeedController } from './calendar-feed.controller';
import { CalendarFeedService } from './calendar-feed.service';
import { CalendarFeed, WaitlistEntry } from './entities/feed.entities';
import { AvailabilityService } from './availability.service';
import { Appointment, AppointmentEvent, AppointmentSeries } from './entities/appointment.entity';
import {
  AppointmentType,
  LocationClosure,
  LocationHours,
  Resource,
  TherapistHours,
  TherapistProfile,
  TherapistTimeOff,
} from './entities/setup.entities';
import { SchedulingController } from './scheduling.controller';
import { SchedulingSetupController } from './setup.controller';
import { SchedulingSetupService } from './setup.service';
import { WaitlistOfferLinkController } from './waitlist-offer-link.controller';
import { WaitlistService } from './waitlist.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Appointment,
      AppointmentEvent,
      CalendarFeed,
      WaitlistEntry,
      AppointmentSeries,
      AppointmentType,
      LocationClosure,
      LocationHours,
      Resource,
      TherapistHours,
      TherapistProfile,
      TherapistTimeOff,
    ]),
    AuditModule,
    PatientsModule,
    IntakeModule,
    RemindersModule,
  ],
  controllers: [
    SchedulingController,
    SchedulingSetupController,
    CalendarFeedController,
    WaitlistOfferLinkController,
  ],
  providers: [
    AppointmentsService,
    AvailabilityService,
    SchedulingSetupService,
    CalendarFeedService,
    WaitlistService,
  ],
  exports: [AppointmentsService],
})
export class SchedulingModule {}
