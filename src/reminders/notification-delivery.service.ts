import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { composeEmail, messageIdOf, type ComposedEmail, type EmailFacts } from './email-composer';
import { EmailLinks } from './email-links';
import { Mailer } from './mailer';
import { reasonNotToSend, type DeliveryFacts } from './rules/delivery-check';
import { classifySmtpFailure } from './rules/smtp-failure';

export type DeliveryOutcome = 'sent' | 'skipped' | 'stale' | 'unconfirmed';

/** An SMTP failure after which this notification must not be tried again by the queue. */
export class FinalDeliveryFailure extends Error {}

/** A failure worth another attempt later, with the queue's backoff. */
export class RetryableDeliveryFailure extends Error {}

type Row = EmailFacts &
  DeliveryFacts & { status: string; attempts: number; appointmentId: string | null };

/**
 * Sends one notification at most once. The row is claimed (`sending`) in a committed transaction
 * before the SMTP hand-off and marked `sent` after it; a job that finds its row still `sending`
 * knows an earlier worker died in between, cannot know whether the server took the message, and
 * marks it `unconfirmed` for an admin instead of risking a second email.
 */
@Injectable()
export class NotificationDeliveryService {
  private readonly logger = new Logger(NotificationDeliveryService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly mailer: Mailer,
    private readonly links: EmailLinks,
  ) {}

  async deliver(notificationId: string, version: number): Promise<DeliveryOutcome> {
    const claim = await this.dataSource.transaction((manager) =>
      this.claim(manager, notificationId, version),
    );
    if (typeof claim === 'string') return claim;
    try {
      await this.mailer.send(claim);
    } catch (error) {
      throw await this.recordFailure(notificationId, error);
    }
    await this.dataSource.query(
      `UPDATE notifications SET status = 'sent', sent_at = now(), last_error = NULL, updated_at = now()
        WHERE id = $1 AND status = 'sending'`,
      [notificationId],
    );
    return 'sent';
  }

  private async claim(
    manager: EntityManager,
    notificationId: string,
    version: number,
  ): Promise<ComposedEmail | Exclude<DeliveryOutcome, 'sent'>> {
    // Lock order as in the appointment changes (appointment, then its notifications), so a
    // cancellation and a send never deadlock; the share lock holds the cancellation back until
    // this claim commits, after which the cancellation finds the email already on its way.
    const [subject] = await manager.query<{ appointment_id: string | null }[]>(
      'SELECT appointment_id FROM notifications WHERE id = $1',
      [notificationId],
    );
    if (!subject) return 'stale';
    if (subject.appointment_id) {
      await manager.query('SELECT 1 FROM appointments WHERE id = $1 FOR SHARE', [
        subject.appointment_id,
      ]);
    }
    const [row] = await manager.query<Row[]>(`${FACTS_QUERY} FOR UPDATE OF n`, [notificationId]);
    if (!row || row.version !== version) return 'stale';
    if (row.status === 'sending') {
      await manager.query(
        `UPDATE notifications
            SET status = 'unconfirmed', updated_at = now(),
                last_error = 'the worker stopped during the SMTP hand-off; not resent, to avoid a duplicate'
          WHERE id = $1`,
        [notificationId],
      );
      this.logger.warn(`notification ${notificationId}: hand-off interrupted, marked unconfirmed`);
      return 'unconfirmed';
    }
    if (row.status !== 'pending') return 'stale';
    const skipReason = reasonNotToSend(row, new Date());
    if (skipReason) {
      await manager.query(
        `UPDATE notifications SET status = 'skipped', last_error = $2, updated_at = now() WHERE id = $1`,
        [notificationId, skipReason],
      );
      return 'skipped';
    }
    const email = composeEmail(row, {
      from: this.config.email.from,
      unsubscribeUrl: this.links.unsubscribeUrl(row.patientId),
      acceptUrl:
        row.waitlistEntryId && row.startsAt
          ? this.links.waitlistAcceptUrl(row.waitlistEntryId, row.startsAt)
          : undefined,
    });
    await manager.query(
      `UPDATE notifications
          SET status = 'sending', claimed_at = now(), attempts = attempts + 1, message_id = $2,
              updated_at = now()
        WHERE id = $1`,
      [notificationId, messageIdOf(row, this.config.email.from)],
    );
    return email;
  }

  /**
   * The queue gave the job up for a reason the delivery itself did not record (a worker died
   * holding it twice): the row must not stay pending for ever, unseen.
   */
  async markAbandoned(notificationId: string, version: number, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET status = 'failed', last_error = $3, updated_at = now()
        WHERE id = $1 AND version = $2 AND status IN ('pending', 'sending')`,
      [notificationId, version, reason.slice(0, 300)],
    );
  }

  /** Puts the row back for another attempt, or ends it as failed; returns what the job throws. */
  private async recordFailure(notificationId: string, error: unknown): Promise<Error> {
    const failure = classifySmtpFailure(error);
    const [[row]] = await this.dataSource.query<[{ status: string; attempts: number }[], number]>(
      `UPDATE notifications
          SET status = CASE WHEN $2 OR attempts >= $3 THEN 'failed' ELSE 'pending' END,
              last_error = $4, updated_at = now()
        WHERE id = $1 AND status = 'sending'
        RETURNING status, attempts`,
      [notificationId, failure.kind === 'permanent', this.config.email.maxAttempts, failure.reason],
    );
    const message = `notification ${notificationId}: ${failure.reason}`;
    if (row?.status === 'pending') return new RetryableDeliveryFailure(message);
    this.logger.warn(`${message}; failed after ${row?.attempts ?? '?'} attempt(s)`);
    return new FinalDeliveryFailure(message);
  }
}

/** The notification with everything its email shows and its sending depends on. */
const FACTS_QUERY = `
  SELECT n.id AS "notificationId", n.version, n.kind, n.status, n.attempts,
         n.patient_id AS "patientId", n.appointment_id AS "appointmentId",
         n.waitlist_entry_id AS "waitlistEntryId",
         p.first_name AS "firstName", p.email, p.email_consent AS "emailConsent",
         p.archived_at IS NOT NULL AS "patientArchived",
         l.name AS "clinicName", l.phone AS "clinicPhone", l.time_zone AS "timeZone",
         array_remove(ARRAY[l.address_line1, l.address_line2,
           nullif(concat_ws(' ', l.city || ',', l.state, l.postal_code), '')], NULL) AS "clinicAddress",
         a.status AS "appointmentStatus",
         coalesce(a.starts_at, w.offered_starts_at) AS "startsAt",
         coalesce(a.ends_at, w.offered_starts_at + make_interval(mins => t.duration_minutes)) AS "endsAt",
         (SELECT count(*)::int FROM appointment_events ev
           WHERE ev.appointment_id = a.id AND ev.action = 'reschedule') AS moves,
         w.status AS "offerStatus", w.offer_expires_at AS "offerExpiresAt",
         e.status AS "episodeStatus"
    FROM notifications n
    JOIN patients p ON p.id = n.patient_id
    LEFT JOIN appointments a ON a.id = n.appointment_id
    LEFT JOIN waitlist_entries w ON w.id = n.waitlist_entry_id
    LEFT JOIN appointment_types t ON t.id = w.appointment_type_id
    LEFT JOIN episodes_of_care e ON e.id = n.episode_id
    JOIN locations l ON l.id = coalesce(a.location_id, w.offered_location_id, e.location_id)
   WHERE n.id = $1`;
