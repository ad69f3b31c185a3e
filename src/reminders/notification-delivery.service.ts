import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pRetry from 'p-retry';
import { DataSource } from 'typeorm';
import { isDatabaseUnavailable } from '../common/errors/postgres-errors';
import { AppConfig } from '../config/app-config';
import { preparedQuery } from '../database/prepared-query';
import { EPISODE_FACTS, episodeFactsSql } from '../intake/episode-facts.sql';
import { CLINIC_CONTACT, clinicContactSql } from '../locations/location-facts.sql';
import { PATIENT_CONTACT, patientContactSql } from '../patients/patient-facts.sql';
import { HOME_PROGRAMME_FACTS, homeProgrammeFactsSql } from '../plans/home-programme-facts.sql';
import {
  APPOINTMENT_FACTS,
  appointmentFactsSql,
  seriesVisitsAheadSql,
  WAITLIST_OFFER_FACTS,
  waitlistOfferFactsSql,
} from '../scheduling/appointment-facts.sql';
import { composeEmail, messageIdOf, type ComposedEmail, type EmailFacts } from './email-composer';
import { EmailLinks } from './email-links';
import { HomeProgrammeDocuments } from '../plans/home-programme-documents.service';
import { Mailer } from './mailer';
import { SentMarks } from './sent-marks';
import { quietHoursVerdict, reasonNotToSend, type DeliveryFacts } from './rules/delivery-check';
import { homeProgrammeSheet } from '../plans/rules/home-programme-sheet';
import { classifySmtpFailure } from './rules/smtp-failure';

export type DeliveryOutcome = 'sent' | 'skipped' | 'deferred' | 'stale' | 'unconfirmed';

/** An SMTP failure after which this notification must not be tried again by the queue. */
export class FinalDeliveryFailure extends Error {}

/** A failure worth another attempt later, with the queue's backoff. */
export class RetryableDeliveryFailure extends Error {}

type Row = EmailFacts &
  DeliveryFacts & {
    status: string;
    attempts: number;
    appointmentId: string | null;
    dataEnded: boolean;
  };

/**
 * How long a worker keeps trying to record what became of a message while the database is out
 * of reach (about 45 s, in growing steps): the record is what keeps a later attempt from taking
 * the message for one a dead worker may have sent.
 */
const RECORD_RETRIES = { retries: 8, minTimeout: 250, factor: 2, maxTimeout: 10_000 };

/** An attempt at a message: the email and the claim's number (its `attempts` after claiming). */
interface Claim {
  email: ComposedEmail;
  attempt: number;
}

/**
 * Sends one notification, never losing it to a crash and sending it twice only if a worker dies
 * in the moment between letting the end-of-data mark go and recording the server's answer.
 *
 * The row is claimed (`sending`, `attempts` + 1) by a committed update before the SMTP hand-off.
 * After the message's last byte and before the `.` that ends its DATA, `data_ended_at` is
 * committed; then, after the server's 250, `sent`. A job that finds its row still `sending`
 * knows an earlier worker died: without `data_ended_at` the server kept nothing (an SMTP server
 * delivers no message whose data did not end), so the email goes again, with the same
 * Message-ID; with it, the server may have the message, and the row goes to an admin as
 * `unconfirmed` rather than risk a second email. Each step is conditional on the claim's number,
 * so a worker taken for dead that is in fact alive finds its claim superseded and sends no end
 * of data.
 */
@Injectable()
export class NotificationDeliveryService {
  private readonly logger = new Logger(NotificationDeliveryService.name);
  private readonly sentMarks = new SentMarks((notificationIds, attempts) =>
    this.record(
      `UPDATE notifications AS email
          SET status = 'sent', sent_at = now(), last_error = NULL, updated_at = now()
         FROM unnest($1::uuid[], $2::int[]) AS mark (id, attempt)
        WHERE email.id = mark.id AND email.status = 'sending' AND email.attempts = mark.attempt`,
      [notificationIds, attempts],
    ),
  );

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly mailer: Mailer,
    private readonly links: EmailLinks,
    private readonly documents: HomeProgrammeDocuments,
  ) {}

  /**
   * Every statement of a delivery repeats for each email: prepared once per pooled connection,
   * the facts query (a dozen lateral subqueries) is not planned again for every email.
   */
  private run<T = unknown>(sql: string, parameters: unknown[]): Promise<T[]> {
    return preparedQuery<T>(this.dataSource.manager, sql, parameters);
  }

  /**
   * Runs a statement recording an attempt's outcome, again while the database is out of reach.
   * Given up, the row stays `sending` and the next attempt has to guess: with its end-of-data
   * mark set (a mark whose answer was lost may still have committed, after this worker had
   * abandoned the message) it would go to an admin as unconfirmed instead of being sent.
   */
  private record<T = unknown>(sql: string, parameters: unknown[]): Promise<T[]> {
    return pRetry(() => this.run<T>(sql, parameters), {
      ...RECORD_RETRIES,
      onFailedAttempt: (error) => {
        if (!isDatabaseUnavailable(error)) throw error;
      },
    });
  }

  async deliver(notificationId: string, version: number): Promise<DeliveryOutcome> {
    const claim = await this.claim(notificationId, version);
    if (typeof claim === 'string') return claim;
    let superseded = false;
    try {
      await this.mailer.send(claim.email, async () => {
        superseded = !(await this.markDataEnded(notificationId, claim.attempt));
        if (superseded) throw new Error('another worker claimed the notification');
      });
    } catch (error) {
      // Another worker has the row now; this attempt sent no end of data, so nothing went.
      if (superseded) return 'stale';
      const failure = await this.recordFailure(notificationId, claim.attempt, error);
      if (!failure) return 'stale';
      throw failure;
    }
    await this.sentMarks.mark(notificationId, claim.attempt);
    return 'sent';
  }

  /** Commits that the end-of-data mark is about to go; false when the claim is no longer ours. */
  private async markDataEnded(notificationId: string, attempt: number): Promise<boolean> {
    const rows = await this.run(
      `UPDATE notifications SET data_ended_at = clock_timestamp(), updated_at = now()
        WHERE id = $1 AND status = 'sending' AND attempts = $2 AND data_ended_at IS NULL
        RETURNING id`,
      [notificationId, attempt],
    );
    return rows.length === 1;
  }

  /**
   * Claims the row and reads what it depends on in one statement: the claim (`sending`,
   * `attempts` + 1) holds only while the row is still the pending version this job was made for.
   * Every change that withdraws an email (a cancellation, a move, a check-in) bumps that version
   * in its own transaction, so either it commits first and the claim finds nothing, or the claim
   * commits first and the email is already on its way. The facts are read as they were when the
   * claim was taken; should they say not to send (or not yet), the claim is handed back.
   */
  private async claim(
    notificationId: string,
    version: number,
  ): Promise<Claim | Exclude<DeliveryOutcome, 'sent'>> {
    const [row] = await this.run<Row & { claimedAttempt: number | null }>(CLAIM_QUERY, [
      notificationId,
      version,
      messageIdOf({ notificationId, version }, this.config.email.from),
    ]);
    if (!row || row.version !== version) return 'stale';
    if (row.claimedAttempt === null) {
      if (row.status === 'sending' && row.dataEnded) {
        return this.markUnconfirmed(notificationId, version);
      }
      // An earlier worker died before its message's data ended: the server kept nothing of it.
      if (row.status === 'sending' && (await this.releaseUnfinished(row))) {
        return this.claim(notificationId, version);
      }
      return 'stale';
    }
    const attempt = row.claimedAttempt;
    const now = new Date();
    const quiet = quietHoursVerdict(row, now);
    const skipReason = reasonNotToSend(row, now) ?? (quiet.action === 'skip' ? quiet.reason : null);
    if (skipReason) {
      await this.run(
        `UPDATE notifications SET status = 'skipped', attempts = attempts - 1, last_error = $3,
                updated_at = now()
          WHERE id = $1 AND status = 'sending' AND attempts = $2`,
        [notificationId, attempt, skipReason],
      );
      return 'skipped';
    }
    if (quiet.action === 'defer') {
      // A new version at the new time: the relay replaces this job with one for the morning.
      await this.run(
        `UPDATE notifications SET status = 'pending', attempts = attempts - 1, send_at = $3,
                version = version + 1, updated_at = now()
          WHERE id = $1 AND status = 'sending' AND attempts = $2`,
        [notificationId, attempt, quiet.until],
      );
      return 'deferred';
    }
    const email = composeEmail(row, {
      from: this.config.email.from,
      unsubscribeUrl: this.links.unsubscribeUrl(row.patientId),
      acceptUrl:
        row.waitlistEntryId && row.startsAt
          ? this.links.waitlistAcceptUrl(row.waitlistEntryId, row.startsAt)
          : undefined,
      attachments:
        row.kind === 'home_exercise_programme'
          ? [
              {
                filename: 'home-exercise-programme.pdf',
                contentType: 'application/pdf',
                content: await this.documents.pdf(homeProgrammeSheet(row)),
              },
            ]
          : undefined,
    });
    return { email, attempt };
  }

  /**
   * Puts back to `pending` a row an earlier worker claimed and died with before its message's
   * data ended, so that it is claimed and sent again (same version, so the same Message-ID).
   * False when the row changed meanwhile (its claim is still someone's).
   */
  private async releaseUnfinished(row: Row): Promise<boolean> {
    const released = await this.run(
      `UPDATE notifications SET status = 'pending', updated_at = now(),
              last_error = 'the worker stopped before the message was complete; sent again'
        WHERE id = $1 AND version = $2 AND status = 'sending' AND attempts = $3
          AND data_ended_at IS NULL
        RETURNING id`,
      [row.notificationId, row.version, row.attempts],
    );
    if (released.length === 1) {
      this.logger.warn(
        `notification ${row.notificationId}: hand-off interrupted before the end of data, sending again`,
      );
    }
    return released.length === 1;
  }

  /**
   * A job found its row still `sending`: an earlier worker died between claiming it and
   * recording the outcome, and whether the server took the message cannot be known.
   */
  private async markUnconfirmed(notificationId: string, version: number): Promise<'unconfirmed'> {
    await this.run(
      `UPDATE notifications
          SET status = 'unconfirmed', updated_at = now(),
              last_error = 'the worker stopped after the message reached the SMTP server, before its answer was recorded; not resent, to avoid a duplicate'
        WHERE id = $1 AND version = $2 AND status = 'sending' AND data_ended_at IS NOT NULL`,
      [notificationId, version],
    );
    this.logger.warn(`notification ${notificationId}: hand-off interrupted, marked unconfirmed`);
    return 'unconfirmed';
  }

  /**
   * The queue gave the job up for a reason the delivery itself did not record (its workers died
   * holding it twice): the row must not stay pending for ever, unseen. One whose data ended may
   * have reached the patient: an admin decides (`unconfirmed`), never a blind retry. One whose
   * data never ended did not: while it has attempts left it goes back to `pending` as a new
   * version, which the relay queues again at once; then it fails visibly.
   */
  async markAbandoned(notificationId: string, version: number, reason: string): Promise<void> {
    await this.run(
      `UPDATE notifications
          SET status = CASE WHEN status = 'sending' AND data_ended_at IS NOT NULL THEN 'unconfirmed'
                            WHEN attempts < $4 THEN 'pending' ELSE 'failed' END,
              version = CASE WHEN status = 'sending' AND data_ended_at IS NOT NULL THEN version
                             WHEN attempts < $4 THEN version + 1 ELSE version END,
              last_error = $3, updated_at = now()
        WHERE id = $1 AND version = $2 AND status IN ('pending', 'sending')`,
      [notificationId, version, reason.slice(0, 300), this.config.email.maxAttempts],
    );
  }

  /**
   * Puts the row back for another attempt, or ends it as failed; returns what the job throws, or
   * nothing when the claim was no longer this attempt's (another worker has the row).
   */
  private async recordFailure(
    notificationId: string,
    attempt: number,
    error: unknown,
  ): Promise<Error | undefined> {
    const failure = classifySmtpFailure(error);
    const [row] = await this.record<{ status: string; attempts: number }>(
      `UPDATE notifications
          SET status = CASE WHEN $2 OR attempts >= $3 THEN 'failed' ELSE 'pending' END,
              last_error = $4, updated_at = now()
        WHERE id = $1 AND status = 'sending' AND attempts = $5
        RETURNING status, attempts`,
      [
        notificationId,
        failure.kind === 'permanent',
        this.config.email.maxAttempts,
        failure.reason,
        attempt,
      ],
    );
    if (!row) return undefined;
    const message = `notification ${notificationId}: ${failure.reason}`;
    if (row.status === 'pending') return new RetryableDeliveryFailure(message);
    this.logger.warn(`${message}; failed after ${row.attempts} attempt(s)`);
    return new FinalDeliveryFailure(message);
  }
}

/**
 * The notification with everything its email shows and its sending depends on, in one statement:
 * each module that owns a part supplies the SQL over its tables, and `json_to_record` types the
 * parts back into the columns `composeEmail` and the delivery checks read. The clinic is the
 * appointment's, else the one the offer names, else the episode's (a discharge check-in's, a
 * home exercise programme's: its plan's episode); the programme is the plan revision's. No
 * patient or no clinic, no row (`stale`), as with a join.
 */
const FACTS_QUERY = `
  SELECT n.id AS "notificationId", n.version, n.kind, n.status, n.attempts,
         n.data_ended_at IS NOT NULL AS "dataEnded",
         n.patient_id AS "patientId", n.appointment_id AS "appointmentId",
         n.waitlist_entry_id AS "waitlistEntryId",
         p."firstName", p.email, p."emailConsent", p.archived AS "patientArchived",
         l.name AS "clinicName", l.phone AS "clinicPhone", l."timeZone",
         l."addressLines" AS "clinicAddress",
         a.status AS "appointmentStatus",
         coalesce(a."startsAt", w."startsAt") AS "startsAt",
         coalesce(a."endsAt", w."endsAt") AS "endsAt",
         coalesce(a.moves, 0) AS moves,
         -- A series is confirmed once, on its first visit, with every visit still ahead.
         CASE WHEN n.kind = 'appointment_confirmation'
              THEN ${seriesVisitsAheadSql('a."seriesId"', 'a."startsAt"')}
              ELSE '[]' END AS "seriesVisits",
         w.status AS "offerStatus", w."expiresAt" AS "offerExpiresAt",
         e.status AS "episodeStatus",
         programme."planStatus", programme.revision AS "programmeRevision",
         programme."inForce" AS "programmeInForce",
         programme."awaitingSignature" AS "programmeAwaitingSignature", programme.exercises,
         programme."therapistName", programme."therapistCredential",
         programme."issuedAt" AS "programmeIssuedAt"
    FROM notifications n
    JOIN LATERAL json_to_record(${patientContactSql('n.patient_id')})
      AS p (${PATIENT_CONTACT.columns}) ON p.id IS NOT NULL
    LEFT JOIN LATERAL json_to_record(${appointmentFactsSql('n.appointment_id')})
      AS a (${APPOINTMENT_FACTS.columns}) ON true
    LEFT JOIN LATERAL json_to_record(${waitlistOfferFactsSql('n.waitlist_entry_id')})
      AS w (${WAITLIST_OFFER_FACTS.columns}) ON true
    LEFT JOIN LATERAL json_to_record(${episodeFactsSql('n.episode_id')})
      AS e (${EPISODE_FACTS.columns}) ON true
    LEFT JOIN LATERAL json_to_record(${homeProgrammeFactsSql('n.plan_revision_id')})
      AS programme (${HOME_PROGRAMME_FACTS.columns}) ON true
    JOIN LATERAL json_to_record(${clinicContactSql('coalesce(a."locationId", w."locationId", e."locationId")')})
      AS l (${CLINIC_CONTACT.columns}) ON l.id IS NOT NULL
   WHERE n.id = $1`;

/**
 * The facts, and the claim taken only when they exist (no patient or no clinic: no claim, no
 * row). The facts are of the row as it was before the claim (one snapshot for the statement).
 */
const CLAIM_QUERY = `
  WITH facts AS (${FACTS_QUERY}),
  claimed AS (
    UPDATE notifications
       SET status = 'sending', claimed_at = now(), attempts = attempts + 1, message_id = $3,
           data_ended_at = NULL, updated_at = now()
     WHERE id = $1 AND version = $2 AND status = 'pending' AND EXISTS (SELECT FROM facts)
     RETURNING attempts)
  SELECT facts.*, (SELECT attempts FROM claimed) AS "claimedAttempt" FROM facts`;
