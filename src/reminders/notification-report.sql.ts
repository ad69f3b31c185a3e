/**
 * SQL over reminders' notification outbox for the reporting module: what became of the emails
 * about one appointment. Returns an expression with the caller's appointment column bound in.
 *
 * `{ sent, failed, skipped, reminded }` as integers: emails sent, emails that failed for good,
 * emails skipped (no consent, no address, archived patient), and 1 when an appointment reminder
 * was sent before the visit began (else 0).
 */
export function appointmentEmailOutcomesSql(appointment: string, startsAt: string): string {
  return `(SELECT json_build_object(
             'sent', count(*) FILTER (WHERE email.status = 'sent'),
             'failed', count(*) FILTER (WHERE email.status = 'failed'),
             'skipped', count(*) FILTER (WHERE email.status = 'skipped'),
             'reminded', (count(*) FILTER (WHERE email.kind = 'appointment_reminder'
                            AND email.status = 'sent' AND email.sent_at < ${startsAt}) > 0)::int)
             FROM notifications email WHERE email.appointment_id = ${appointment})`;
}
