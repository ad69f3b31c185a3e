import { Injectable } from '@nestjs/common';
import type { Actor } from '../kernel/actor';

/**
 * The timeline port: a patient's history in one call (visits, episodes, assessments, emails)
 * without the patients module reading other modules' tables. Each module that keeps records
 * about a patient registers a source at start-up (`TimelineSources.register` in its
 * `onModuleInit`); the patients module reads every source in one statement, newest first.
 */
export interface TimelineSource {
  /** Unique and stable: the kinds of item it gives are its own. */
  readonly name: string;
  /**
   * A SELECT over the source's own tables of the patient `patient` (a uuid placeholder), as
   * the caller whose clinics are `scope` (a uuid[] placeholder, NULL for every clinic) may see
   * them, with exactly these columns: `occurred_at timestamptz, kind text, id uuid, title text,
   * status text, location_id uuid, details json`. Null when the actor's role may not see
   * the source's records at all (assessments are clinicians').
   */
  sql(patient: string, scope: string, actor: Actor): string | null;
}

@Injectable()
export class TimelineSources {
  private readonly sources: TimelineSource[] = [];

  register(source: TimelineSource): void {
    if (!/^[a-z_]+$/.test(source.name) || this.sources.some((s) => s.name === source.name)) {
      throw new Error(`timeline source name ${source.name} is invalid or taken`);
    }
    this.sources.push(source);
  }

  all(): readonly TimelineSource[] {
    return this.sources;
  }
}
