import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { certifierSql } from '../direct-access/plan-of-care-records.sql';
import type { PlanStatus } from './rules/lifecycle';
import type { Diagnosis, Intervention } from './rules/plan-content';

/**
 * The plan of care a visit on a given day is given under, as billing reads it: the diagnoses with
 * their claim pointers, the interventions prescribed, who signed the plan and who certified it.
 */
export interface PlanForVisit {
  planId: string;
  status: PlanStatus;
  /** The plan's dates as amended (yyyy-mm-dd). */
  startDate: string;
  endDate: string;
  /** In the plan's order; `pointer` is 1-based, the diagnosis pointer of a claim line. */
  diagnoses: { pointer: number; code: string; description: string }[];
  interventions: { cpt: string; category: string; timed: boolean; name: string }[];
  /** The physical therapist who signed the latest signed revision, or null for none. */
  signedBy: { userId: string; fullName: string } | null;
  /** The physician or NPP of the latest certification or recertification on or before the day. */
  certifiedBy: { name: string; npi: string | null; profession: string } | null;
}

interface Row {
  id: string;
  status: PlanStatus;
  start_date: string;
  end_date: string;
  diagnoses: Diagnosis[];
  interventions: Intervention[];
  signed_by: { userId: string; fullName: string } | null;
  certified_by: PlanForVisit['certifiedBy'];
}

/** Plans of care for other modules (billing's superbill and units): read-only, by episode and day. */
@Injectable()
export class PlansOfCareReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The plan covering `onDate` (yyyy-mm-dd in the clinic's zone) in the episode: the active one,
   * else the latest non-draft one (on hold, completed, discontinued) whose dates, as last
   * amended, include the day; null when no signed plan covers it. Read in the caller's
   * transaction when a manager is given.
   */
  async planForVisit(
    episodeId: string,
    onDate: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PlanForVisit | null> {
    const [row] = await manager.query<Row[]>(
      `SELECT p.id, p.status, r.start_date::text AS start_date, r.end_date::text AS end_date,
              r.content->'diagnoses' AS diagnoses, r.content->'interventions' AS interventions,
              (SELECT json_build_object('userId', u.id, 'fullName', u.full_name)
                 FROM plan_revisions s JOIN users u ON u.id = s.signed_by
                WHERE s.plan_id = p.id AND s.signed_at IS NOT NULL
                ORDER BY s.revision DESC LIMIT 1) AS signed_by,
              ${certifierSql('p.episode_id', '$2::date')} AS certified_by
         FROM plans_of_care p
         JOIN LATERAL (SELECT * FROM plan_revisions WHERE plan_id = p.id ORDER BY revision DESC LIMIT 1) r ON true
        WHERE p.episode_id = $1 AND p.status <> 'draft' AND $2::date BETWEEN r.start_date AND r.end_date
        ORDER BY p.status = 'active' DESC, p.created_at DESC LIMIT 1`,
      [episodeId, onDate],
    );
    if (!row) return null;
    return {
      planId: row.id,
      status: row.status,
      startDate: row.start_date,
      endDate: row.end_date,
      diagnoses: row.diagnoses.map((d, index) => ({
        pointer: index + 1,
        code: d.code,
        description: d.description,
      })),
      interventions: row.interventions.map((i) => ({
        cpt: i.cpt,
        category: i.category,
        timed: i.timed,
        name: i.name,
      })),
      signedBy: row.signed_by,
      certifiedBy: row.certified_by,
    };
  }
}
