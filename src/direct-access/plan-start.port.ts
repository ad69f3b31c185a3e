import { Injectable } from '@nestjs/common';

/**
 * The plan-start port: where a state's direct-access clock runs from the initiation of the
 * physical therapist's plan of intervention (Georgia: 21 days or 8 visits from it, see
 * `../shared/domain/direct-access.md`), the plan's start is what the plans-of-care module
 * records. That module registers, at start-up, the SQL of an episode's plan start; direct access
 * reads it inside its case's one statement, so a booking's check and the plan agree. With no
 * source registered no plan is on record, and the clock runs from the first treatment.
 */
export interface PlanStartSource {
  /** An expression: the episode's plan of intervention's first day (YYYY-MM-DD text) or NULL. */
  startedOnSql(episode: string): string;
}

@Injectable()
export class PlanStarts {
  private source?: PlanStartSource;

  register(source: PlanStartSource): void {
    if (this.source) throw new Error('a plan-start source is registered twice');
    this.source = source;
  }

  startedOnSql(episode: string): string {
    return this.source?.startedOnSql(episode) ?? 'NULL::text';
  }
}
