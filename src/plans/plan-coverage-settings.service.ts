import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { domainError } from '../common/errors/error-catalogue';
import type { Actor } from '../kernel/actor';
import { inScope } from '../kernel/location-scope';
import { locationFactsSql } from '../locations/location-facts.sql';
import { LocationErrors } from '../locations/locations.errors';
import type { PlanCoverageSettingDto } from './dto/plan-coverage.dto';

/** Each clinic's choice: refuse a treatment visit outside the plan of care, or warn and book it. */
@Injectable()
export class PlanCoverageSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(actor: Actor, locationId: string): Promise<PlanCoverageSettingDto> {
    await this.assertLocation(actor, locationId);
    const [row] = await this.dataSource.query<{ enforcement: 'refuse' | 'warn' }[]>(
      `SELECT enforcement FROM plan_coverage_settings WHERE location_id = $1`,
      [locationId],
    );
    return { locationId, enforcement: row?.enforcement ?? 'refuse' };
  }

  async set(
    actor: Actor,
    locationId: string,
    input: PlanCoverageSettingDto,
  ): Promise<PlanCoverageSettingDto> {
    await this.assertLocation(actor, locationId);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO plan_coverage_settings (location_id, enforcement, updated_by) VALUES ($1, $2, $3)
         ON CONFLICT (location_id) DO UPDATE SET enforcement = $2, updated_by = $3, updated_at = now()`,
        [locationId, input.enforcement, actor.userId],
      );
      await this.audit.record(
        {
          actor,
          action: 'update',
          entityType: 'plan_coverage_setting',
          entityId: locationId,
          details: { enforcement: input.enforcement },
        },
        manager,
      );
    });
    return { locationId, enforcement: input.enforcement };
  }

  private async assertLocation(actor: Actor, locationId: string) {
    const [{ location }] = await this.dataSource.query<{ location: { id: string } | null }[]>(
      `SELECT ${locationFactsSql('$1::uuid')} AS location`,
      [locationId],
    );
    if (!location || !inScope(actor, locationId)) {
      throw domainError(LocationErrors.locationNotFound, `No location ${locationId}`);
    }
  }
}
