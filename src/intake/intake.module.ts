import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { LocationsModule } from '../locations/locations.module';
import { PatientsModule } from '../patients/patients.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { Assessment, AssessmentAmendment, RedFlagDecision } from './assessment.entity';
import { AssessmentsService } from './assessments.service';
import { EpisodeListeners } from './episode-listener.port';
import { EpisodeOfCare } from './episode.entity';
import { EpisodesController } from './episodes.controller';
import { EpisodesService } from './episodes.service';
import { AssessmentsController } from './assessments.controller';
import { EpisodeMembershipPolicy } from './episode-membership.policy';
import { EpisodeGates } from './episode-gate.port';
import { IntakeTimelineSource } from './intake-timeline';

@Module({
  imports: [
    TypeOrmModule.forFeature([EpisodeOfCare, Assessment, AssessmentAmendment, RedFlagDecision]),
    AuditModule,
    LocationsModule,
    PatientsModule,
    SchedulingModule,
  ],
  controllers: [EpisodesController, AssessmentsController],
  providers: [
    EpisodesService,
    AssessmentsService,
    EpisodeMembershipPolicy,
    EpisodeListeners,
    EpisodeGates,
    IntakeTimelineSource,
  ],
  exports: [EpisodesService, EpisodeListeners, EpisodeGates],
})
export class IntakeModule {}
