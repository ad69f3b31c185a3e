import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { LocationClosure } from './closure.entity';
import { LocationSetupController } from './location-setup.controller';
import { LocationSetupService } from './location-setup.service';
import { Location } from './location.entity';
import { LocationsController } from './locations.controller';
import { LocationsService } from './locations.service';
import { LocationHours } from './opening-hours.entity';
import { Resource } from './resource.entity';

/** Clinics: address, zone, reminder settings, weekly opening hours, closures, rooms. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Location, LocationHours, LocationClosure, Resource]),
    AuditModule,
  ],
  controllers: [LocationsController, LocationSetupController],
  providers: [LocationsService, LocationSetupService],
  exports: [LocationsService],
})
export class LocationsModule {}
