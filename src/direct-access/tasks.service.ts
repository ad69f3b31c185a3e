import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { domainError } from '../common/errors/error-catalogue';
import { openEpisodesSql } from '../intake/episode-facts.sql';
import type { Actor } from '../kernel/actor';
import { inScope, scopeParameter } from '../kernel/location-scope';
import { LocationErrors } from '../locations/locations.errors';
import { patientNameSql } from '../patients/patient-facts.sql';
import { episodeVisitsSql } from '../scheduling/appointment-facts.sql';
import { type CaseRow, caseSql, factsOfCase } from './case-facts';
import type { TaskDto, TaskQuery } from './dto/task.dto';
import { holidaysOf } from './rules/day-count';
import { evaluate, ruleInForce } from './rules/evaluate';
import { tasksOf } from './rules/tasks';
import { PlanStarts } from './plan-start.port';
import { TaskSources } from './task-sources.port';

/** The therapist an episode's answer is for: the one of its latest held visit, if any. */
const latestTherapist = (episode: string) =>
  `(SELECT (visit->>'therapistId')::uuid FROM json_array_elements(${episodeVisitsSql(episode)}) visit
     WHERE visit->>'status' IN ('booked', 'confirmed', 'checked_in', 'completed')
     ORDER BY visit->>'startsAt' DESC LIMIT 1)`;

/**
 * The work list: what is due for the open episodes of the caller's clinics (notify a physician by
 * a date, a disclosure unsigned, Medicare's certification or progress report, a window closing,
 * treatment held), each episode evaluated for today in its clinic's zone, in one read.
 */
@Injectable()
export class TasksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sources: TaskSources,
    private readonly planStarts: PlanStarts,
  ) {}

  /** Today's tasks of every open episode in the given clinics (null: every clinic). */
  async tasksAt(
    locationIds: string[] | null,
    warnWithin = { businessDays: 5, visits: 2 },
  ): Promise<TaskDto[]> {
    const rows = await this.dataSource.query<{ row: CaseRow; patient: TaskDto['patient'] }[]>(
      `SELECT c.row, ${patientNameSql(`(c.row->'episode'->>'patientId')::uuid`)} AS patient
         FROM json_to_recordset(${openEpisodesSql('$1::uuid[]')}) AS open_ep(id uuid)
         CROSS JOIN LATERAL (SELECT ${caseSql('open_ep.id', latestTherapist('open_ep.id'), this.planStarts)} AS row) c`,
      [locationIds],
    );
    const tasks: TaskDto[] = [];
    const episodes = new Map<string, Omit<TaskDto, 'code' | 'text' | 'dueOn' | 'overdue'>>();
    const asked: { id: string; today: string }[] = [];
    for (const { row, patient } of rows) {
      const today = DateTime.now().setZone(row.location.timeZone).toISODate()!;
      const facts = factsOfCase(row, { asOf: today, purpose: 'treatment', booking: null });
      const result = evaluate(ruleInForce(row.rules, row.jurisdiction, today), facts);
      const episode = {
        episodeId: row.episode.id,
        patientId: row.episode.patientId,
        patient,
        locationId: row.episode.locationId,
        status: result.status,
      };
      episodes.set(row.episode.id, episode);
      asked.push({ id: row.episode.id, today });
      for (const task of tasksOf(result, today, holidaysOf(row.jurisdiction ?? ''), warnWithin)) {
        tasks.push({ ...task, ...episode });
      }
    }
    // Other modules' tasks for the same open episodes (plans of care), through the port.
    for (const source of asked.length > 0 ? this.sources.all() : []) {
      for (const task of await source.tasksOf(asked)) {
        const episode = episodes.get(task.episodeId);
        if (episode) tasks.push({ ...task, ...episode });
      }
    }
    // Overdue first, then by due date (undated last), then by episode for a stable order.
    return tasks.sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') ||
        a.episodeId.localeCompare(b.episodeId) ||
        a.code.localeCompare(b.code),
    );
  }

  async list(actor: Actor, query: TaskQuery): Promise<TaskDto[]> {
    const requested = query.locationId ? [query.locationId] : null;
    if (requested && !inScope(actor, ...requested)) {
      throw domainError(LocationErrors.locationNotFound, `No location ${query.locationId}`);
    }
    const tasks = await this.tasksAt(requested ?? scopeParameter(actor), {
      businessDays: query.windowClosingWithinBusinessDays ?? 5,
      visits: 2,
    });
    await this.audit.record({
      actor,
      action: 'read',
      entityType: 'direct_access_tasks',
      details: { patientIds: [...new Set(tasks.map((task) => task.patientId))] },
    });
    return tasks;
  }
}
