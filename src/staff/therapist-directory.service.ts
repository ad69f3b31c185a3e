import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { therapistRosterSql } from '../auth/staff-membership.sql';
import type { Actor } from '../kernel/actor';
import { scopeParameter } from '../kernel/location-scope';
import { locationNamesSql } from '../locations/location-facts.sql';
import type { Credential } from './rules/eligibility';

export interface DirectoryEntry {
  id: string;
  name: string;
  active: boolean;
  credential: Credential | null;
  licenceStates: string[];
  directAccessCertified: boolean;
  locations: { id: string; name: string }[];
}

export interface DirectoryQuery {
  locationId?: string;
  active?: boolean;
  limit: number;
  offset: number;
}

/**
 * Who treats where, for the front desk telling a patient whom they will see: the therapists of
 * the caller's clinics (every therapist for admins), each with only the clinics the caller sees.
 * Names and credentials are staff facts, not patient data, so reads are not audited.
 */
@Injectable()
export class TherapistDirectoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(actor: Actor, query: DirectoryQuery): Promise<[DirectoryEntry[], number]> {
    const [row] = await this.dataSource.query<{ total: number; items: DirectoryEntry[] | null }[]>(
      `WITH roster AS (${therapistRosterSql('$1', '$2', '$3')})
       SELECT (SELECT count(*)::int FROM roster) AS total,
              (SELECT json_agg(entry ORDER BY entry.name, entry.id) FROM (
                 SELECT r.id, r.name, r.active, p.credential,
                        coalesce(p.licence_states, '{}') AS "licenceStates",
                        coalesce(p.direct_access_certified, false) AS "directAccessCertified",
                        ${locationNamesSql('r.location_ids')} AS locations
                   FROM roster r LEFT JOIN therapist_profiles p ON p.user_id = r.id
                  ORDER BY r.name, r.id LIMIT $4 OFFSET $5) entry) AS items`,
      [
        scopeParameter(actor),
        query.locationId ?? null,
        query.active ?? null,
        query.limit,
        query.offset,
      ],
    );
    return [row.items ?? [], row.total];
  }
}
