import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { StaffController } from './staff.controller';
import { StaffService } from './staff.service';
import { TherapistCalendarController } from './therapist-calendar.controller';
import { TherapistCalendarService } from './therapist-calendar.service';
import { TherapistDirectoryController } from './therapist-directory.controller';
import { TherapistDirectoryService } from './therapist-directory.service';
import { TherapistHours } from './therapist-hours.entity';
import { TherapistProfile } from './therapist-profile.entity';
import { TherapistTimeOff } from './time-off.entity';

/** Therapists: profiles with credentials and licences, weekly hours per location, time off. */
@Module({
  imports: [
    TypeOrmModule.forFeature([TherapistProfile, TherapistHours, TherapistTimeOff]),
    AuditModule,
  ],
  controllers: [StaffController, TherapistDirectoryController, TherapistCalendarController],
  providers: [StaffService, TherapistDirectoryService, TherapistCalendarService],
  exports: [StaffService],
})
export class StaffModule {}
