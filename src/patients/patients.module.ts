import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { Patient } from './patient.entity';
import { PatientsController } from './patients.controller';
import { PatientTimelineService } from './patient-timeline.service';
import { PatientsService } from './patients.service';
import { TimelineSources } from './timeline.port';

@Module({
  imports: [TypeOrmModule.forFeature([Patient]), AuditModule],
  controllers: [PatientsController],
  providers: [PatientsService, PatientTimelineService, TimelineSources],
  exports: [PatientsService, TimelineSources],
})
export class PatientsModule {}
