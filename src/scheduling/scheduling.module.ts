import { AppointmentTimelineSource } from './appointment-timeline';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { LocationsModule } from '../locations/locations.module';
import { PatientsModule } from '../patients/patients.module';
import { StaffModule } from '../staff/staff.module';
import { AppointmentChangesService } from './appointment-changes.service';
import { AppointmentListeners } from './appointment-listener.port';
import { AppointmentTypesController } from './appointment-types.controller';
import { AppointmentTypesService } from './appointment-types.service';
import { AppointmentViewsService } from './appointment-views.service';
import { AvailabilityService } from './availability.service';
import { BookingPolicies } from './booking-policy.port';
import { BookingService } from './booking.service';
import { CalendarFeedController } from './calendar-feed.controller';
import { CalendarFeedService } from './calendar-feed.service';
import { Appointment, AppointmentEvent, AppointmentSeries } from './entities/appointment.entity';
import { AppointmentType } from './entities/appointment-type.entity';
import { CalendarFeed } from './entities/calendar-feed.entity';
import { WaitlistEntry } from './entities/waitlist-entry.entity';
import { PlacementService } from './placement.service';
import { SchedulingController } from './scheduling.controller';
import { WaitlistService } from './waitlist.service';

/**
 * Availability, booking, the appointment lifecycle, series, the waitlist, schedule views and
 * calendar feeds. Other modules plug in through its ports: booking policies (intake's red-flag
 * hold) and appointment listeners (reminders' emails); scheduling imports none of them.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Appointment,
      AppointmentEvent,
      AppointmentSeries,
      AppointmentType,
      CalendarFeed,
      WaitlistEntry,
    ]),
    AuditModule,
    AuthModule,
    LocationsModule,
    PatientsModule,
    StaffModule,
  ],
  controllers: [SchedulingController, AppointmentTypesController, CalendarFeedController],
  providers: [
    BookingPolicies,
    AppointmentListeners,
    PlacementService,
    BookingService,
    AppointmentChangesService,
    AppointmentViewsService,
    AvailabilityService,
    AppointmentTypesService,
    CalendarFeedService,
    WaitlistService,
    AppointmentTimelineSource,
  ],
  exports: [BookingPolicies, AppointmentListeners, BookingService],
})
export class SchedulingModule {}
