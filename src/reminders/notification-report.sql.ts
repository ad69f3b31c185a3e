/**
 * SQL over reminders' notification outbox for the reporting module: what became of the emails
 * about one appointment. A relation of one row (for a LATERAL join) with the caller's appointment
 * and its start bound in.
 *
 * Columns, integers: `sent`, `failed` (for good, retries exhausted), `skipped` (no consent, no
 * address, archived patient), and `reminded`, 1 when an appointment reminder was sent before the
 * visit began (else 0).
 */
export function appointmentEmailOutcomesSql(appointment: string, startsAt: string): string {
  return `(SELECT count(*) FILTER (WHERE email.status = 'sent')::int AS sent,
                  count(*) FILTER (WHERE email.status = 'failed')::int AS failed,
                  count(*) FILTER (WHERE email.status = 'skipped')::int AS skipped,
                  (count(*) FILTER (WHERE email.kind = 'appointment_reminder'
                     AND email.status = 'sent' AND email.sent_at < ${startsAt}) > 0)::int AS reminded
             FROM notifications email WHERE email.appointment_id = ${appointment})`;
}

/**
 * Relation `(appointment_id)`: the appointments with an email written or changed (its status,
 * its time of sending) at or after the instant `since`. Every change to a notification sets
 * `updated_at`, read by the index `notifications_updated_idx`.
 */
export function appointmentsWithEmailChangesSql(since: string): string {
  return `(SELECT DISTINCT email.appointment_id FROM notifications email
            WHERE email.updated_at >= ${since} AND email.appointment_id IS NOT NULL)`;
}
