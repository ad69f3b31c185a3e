import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type EpisodeTask, type TaskSource, TaskSources } from '../direct-access/task-sources.port';
import { currentRevision, HELD, localDate, type PlanCase, planCaseSql } from './plan-case';
import { planTasksOf } from './rules/plan-tasks';
import { prescribedVisits } from './rules/plan-content';

/** Plans of care on direct access's work list: amendments to sign, plans ending, patients under-scheduled. */
@Injectable()
export class PlanTasksSource implements TaskSource, OnModuleInit {
  readonly name = 'plans_of_care';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sources: TaskSources,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async tasksOf(episodes: readonly { id: string; today: string }[]): Promise<EpisodeTask[]> {
    const rows = await this.dataSource.query<{ plan: PlanCase }[]>(
      `SELECT ${planCaseSql('open_plan.id')} AS plan FROM plans_of_care open_plan
        WHERE open_plan.episode_id = ANY($1::uuid[]) AND open_plan.status IN ('active', 'on_hold')`,
      [episodes.map((episode) => episode.id)],
    );
    const todayOf = new Map(episodes.map((episode) => [episode.id, episode.today]));
    return rows.flatMap(({ plan }) => {
      const revision = currentRevision(plan);
      const tasks = planTasksOf(
        {
          status: plan.status,
          startDate: revision.startDate,
          endDate: revision.endDate,
          prescribedVisits: prescribedVisits(revision.content),
          visitsAuthorised: revision.visitsAuthorised,
          signatureRequired: revision.signedAt === null && revision.requiresSignature,
          heldVisits: plan.visits
            .filter((visit) => visit.treatment && HELD.includes(visit.status))
            .map((visit) => localDate(visit.startsAt, plan.timeZone)),
        },
        todayOf.get(plan.episode.id)!,
      );
      return tasks.map((task) => ({ ...task, episodeId: plan.episode.id }));
    });
  }
}
