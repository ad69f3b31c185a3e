import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { IntakeModule } from '../intake/intake.module';
import { PatientsModule } from '../patients/patients.module';
import { AppointmentsService } from './appointments.service';
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

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Appointment,
      AppointmentEvent,
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
  ],
  controllers: [SchedulingController, SchedulingSetupController],
  providers: [AppointmentsService, AvailabilityService, SchedulingSetupService],
  exports: [AppointmentsService],
})
export class SchedulingModule {}
