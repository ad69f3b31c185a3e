import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { PatientsModule } from '../patients/patients.module';
import { RemindersModule } from '../reminders/reminders.module';
import { Assessment, AssessmentAmendment, RedFlagDecision } from './assessment.entity';
import { AssessmentsService } from './assessments.service';
import { EpisodeOfCare } from './episode.entity';
import { EpisodesController } from './episodes.controller';
import { EpisodesService } from './episodes.service';
import { IntakeController } from './intake.controller';

@Module({
  imports: [
    TypeOrmModule.forFeature([EpisodeOfCare, Assessment, AssessmentAmendment, RedFlagDecision]),
    AuditModule,
    PatientsModule,
    RemindersModule,
  ],
  controllers: [EpisodesController, IntakeController],
  providers: [EpisodesService, AssessmentsService],
  exports: [EpisodesService],
})
export class IntakeModule {}
