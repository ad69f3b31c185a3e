import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { clinicStaffSql, staffContactSql } from '../auth/staff-membership.sql';
import { AppConfig } from '../config/app-config';
import { TasksService } from '../direct-access/tasks.service';
import { JobName, QueueName } from '../kernel/queue-names';
import { clinicContactSql, everyLocationSql } from '../locations/location-facts.sql';
import { messageIdOf } from './email-composer';
import { Mailer } from './mailer';
import { classifySmtpFailure } from './rules/smtp-failure';
import { composeDigest, digestDateAt } from './rules/staff-digest';

export interface SendStaffDigestJob {
  digestId: string;
}

export type DigestOutcome = 'sent' | 'skipped' | 'stale' | 'unconfirmed';

/** An SMTP failure after which the digest must not be tried again. */
export class FinalDigestFailure extends Error {}

interface DigestRow {
  id: string;
  status: string;
  localDate: string;
  attempts: number;
  locationId: string;
  recipient: { email: string; fullName: string; active: boolean } | null;
  clinic: { name: string; timeZone: string } | null;
}

/**
 * The clinic staff's daily work list by email. Planning writes one outbox row per staff member,
 * clinic and local day once the clinic's 07:00 has come (idempotent: a unique key), and queues
 * every open row with a job id of its own, so repeating a round changes nothing. Sending reads
 * the work list at that moment, claims the row with its Message-ID, hands it to SMTP and marks
 * it sent; a row found still `sending` is an interrupted hand-off, marked unconfirmed rather
 * than risking a second email. Nothing due, nothing sent.
 */
@Injectable()
export class StaffDigestsService {
  private readonly logger = new Logger(StaffDigestsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.StaffDigests) private readonly queue: Queue<SendStaffDigestJob>,
    private readonly tasks: TasksService,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
  ) {}

  /** Plans the digests whose hour has come and queues every open one; returns how many queued. */
  async planAndQueue(now = new Date()): Promise<number> {
    const [{ locations }] = await this.dataSource.query<
      { locations: { id: string; timeZone: string }[] }[]
    >(`SELECT ${everyLocationSql()} AS locations`);
    for (const location of locations) {
      const date = digestDateAt(now, location.timeZone);
      if (!date) continue;
      await this.dataSource.query(
        `INSERT INTO staff_task_digests (user_id, location_id, local_date)
         SELECT (member->>'id')::uuid, $1, $2 FROM json_array_elements(${clinicStaffSql('$1::uuid')}) member
         ON CONFLICT ON CONSTRAINT staff_task_digests_one_a_day DO NOTHING`,
        [location.id, date],
      );
    }
    const open = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM staff_task_digests WHERE status = 'pending'`,
    );
    const { maxAttempts, retryBaseMs } = this.config.email;
    await this.queue.addBulk(
      open.map(({ id }) => ({
        name: JobName.SendStaffDigest,
        data: { digestId: id },
        opts: {
          jobId: `staff-digest-${id}`,
          attempts: maxAttempts,
          backoff: { type: 'exponential', delay: retryBaseMs, jitter: 0.5 },
          removeOnComplete: true,
        },
      })),
    );
    return open.length;
  }

  async send(digestId: string): Promise<DigestOutcome> {
    const [row] = await this.dataSource.query<DigestRow[]>(
      `SELECT d.id, d.status, d.local_date::text AS "localDate", d.attempts, d.location_id AS "locationId",
              ${staffContactSql('d.user_id')} AS recipient, ${clinicContactSql('d.location_id')} AS clinic
         FROM staff_task_digests d WHERE d.id = $1`,
      [digestId],
    );
    if (!row || !row.clinic) return 'stale';
    if (row.status === 'sending')
      return this.finish(
        digestId,
        'unconfirmed',
        'the worker stopped during the SMTP hand-off; not resent',
      );
    if (row.status !== 'pending') return 'stale';
    const today = DateTime.now().setZone(row.clinic.timeZone).toISODate()!;
    if (!row.recipient?.active)
      return this.finish(digestId, 'skipped', 'the staff member is no longer active');
    if (row.localDate < today) return this.finish(digestId, 'skipped', 'the day has passed');
    const tasks = await this.tasks.tasksAt([row.locationId]);
    if (tasks.length === 0) return this.finish(digestId, 'skipped', 'nothing due', 0);
    const digest = composeDigest(
      row.recipient,
      row.clinic,
      row.localDate,
      tasks,
      `${this.config.email.publicBaseUrl}/docs#/direct%20access/DirectAccessController_workList`,
    );
    const messageId = messageIdOf(
      { notificationId: `staff-digest-${digestId}`, version: 1 },
      this.config.email.from,
    );
    const [claimed] = await this.dataSource.query<[{ id: string }[], number]>(
      `UPDATE staff_task_digests SET status = 'sending', attempts = attempts + 1, message_id = $2, task_count = $3
        WHERE id = $1 AND status = 'pending' RETURNING id`,
      [digestId, messageId, tasks.length],
    );
    if (claimed.length !== 1) return 'stale';
    try {
      await this.mailer.send({ to: row.recipient.email, ...digest, messageId, headers: {} });
    } catch (error) {
      throw await this.recordFailure(digestId, error);
    }
    await this.dataSource.query(
      `UPDATE staff_task_digests SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = $1 AND status = 'sending'`,
      [digestId],
    );
    return 'sent';
  }

  private async finish(
    digestId: string,
    status: 'skipped' | 'unconfirmed',
    reason: string,
    taskCount: number | null = null,
  ): Promise<DigestOutcome> {
    await this.dataSource.query(
      `UPDATE staff_task_digests SET status = $2, last_error = $3, task_count = coalesce($4, task_count)
        WHERE id = $1 AND status IN ('pending', 'sending')`,
      [digestId, status, reason, taskCount],
    );
    return status;
  }

  /** Back to pending for the queue's next attempt, or failed for good; returns what to throw. */
  private async recordFailure(digestId: string, error: unknown): Promise<Error> {
    const failure = classifySmtpFailure(error);
    const [[row]] = await this.dataSource.query<[{ status: string }[], number]>(
      `UPDATE staff_task_digests
          SET status = CASE WHEN $2 OR attempts >= $3 THEN 'failed' ELSE 'pending' END, last_error = $4
        WHERE id = $1 AND status = 'sending' RETURNING status`,
      [digestId, failure.kind === 'permanent', this.config.email.maxAttempts, failure.reason],
    );
    const message = `staff digest ${digestId}: ${failure.reason}`;
    if (row?.status === 'pending') return new Error(message);
    this.logger.warn(message);
    return new FinalDigestFailure(message);
  }
}
