import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type PlanStartSource, PlanStarts } from '../direct-access/plan-start.port';

/**
 * The plan of intervention's start, for direct access's clocks that run from it (Georgia): the
 * first day of the episode's earliest signed plan of care, as first signed or as amended since. A
 * draft is no plan of intervention yet; a plan later discontinued still started the clock.
 */
@Injectable()
export class PlanStartOfCare implements PlanStartSource, OnModuleInit {
  constructor(private readonly starts: PlanStarts) {}

  onModuleInit(): void {
    this.starts.register(this);
  }

  startedOnSql(episode: string): string {
    return `(SELECT min(started.start_date)::text
               FROM plans_of_care started_plan
               JOIN plan_revisions started ON started.plan_id = started_plan.id
              WHERE started_plan.episode_id = ${episode} AND started.signed_at IS NOT NULL)`;
  }
}
