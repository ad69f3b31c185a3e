import { Injectable } from '@nestjs/common';

/**
 * The task-source port: how other modules add their tasks to direct access's work list
 * (`GET /direct-access/tasks` and the daily staff digest) without direct access knowing them.
 * A module registers a source at start-up (`TaskSources.register` in its `onModuleInit`); for
 * the open episodes of the clinics asked about, each with its clinic's local date, the work list
 * then asks every source for its tasks. Dependencies point at direct access.
 */
export interface EpisodeTask {
  episodeId: string;
  code: string;
  text: string;
  dueOn: string | null;
  overdue: boolean;
}

export interface TaskSource {
  /** Unique, stable: what the source is (`plans_of_care`). */
  readonly name: string;
  tasksOf(episodes: readonly { id: string; today: string }[]): Promise<EpisodeTask[]>;
}

@Injectable()
export class TaskSources {
  private readonly sources: TaskSource[] = [];

  register(source: TaskSource): void {
    if (this.sources.some((s) => s.name === source.name)) {
      throw new Error(`task source ${source.name} registered twice`);
    }
    this.sources.push(source);
  }

  all(): readonly TaskSource[] {
    return this.sources;
  }
}
