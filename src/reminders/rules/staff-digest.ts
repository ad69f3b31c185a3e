import { DateTime } from 'luxon';

/**
 * The daily work-list email to a clinic's staff (issue 19): when it is due, and what it says.
 * Version 1. It goes at 07:00 in the clinic's zone, before the first visits of the day, and on
 * any later round of that day if the workers were down at seven; never for a day already past.
 */
export const STAFF_DIGEST_VERSION = 1;
export const STAFF_DIGEST_LOCAL_HOUR = 7;

/** The clinic's local date whose digest is due at `now`, or null before the hour. */
export function digestDateAt(now: Date, timeZone: string): string | null {
  const local = DateTime.fromJSDate(now).setZone(timeZone);
  return local.hour >= STAFF_DIGEST_LOCAL_HOUR ? local.toISODate() : null;
}

export interface DigestTask {
  code: string;
  text: string;
  dueOn: string | null;
  overdue: boolean;
  patient: { firstName: string; lastName: string } | null;
}

export interface DigestText {
  subject: string;
  text: string;
  html: string;
}

const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const line = (task: DigestTask) => {
  const who = task.patient ? `${task.patient.firstName} ${task.patient.lastName}` : 'A patient';
  const when = task.overdue
    ? task.dueOn
      ? `overdue since ${task.dueOn}`
      : 'now'
    : task.dueOn
      ? `by ${task.dueOn}`
      : 'at the next visit';
  return { who, what: task.text, when };
};

/** The email: overdue first, as the work list orders them; no clinical detail beyond the task. */
export function composeDigest(
  recipient: { fullName: string },
  clinic: { name: string },
  localDate: string,
  tasks: readonly DigestTask[],
  workListUrl: string,
): DigestText {
  const overdue = tasks.filter((task) => task.overdue).length;
  const subject = `${clinic.name}: ${tasks.length} direct-access task${tasks.length === 1 ? '' : 's'} for ${localDate}${overdue ? ` (${overdue} overdue)` : ''}`;
  const lines = tasks.map(line);
  const text = [
    `Good morning ${recipient.fullName},`,
    '',
    `What is due at ${clinic.name} on ${localDate}:`,
    '',
    ...lines.map((l) => `- ${l.who}: ${l.what} (${l.when})`),
    '',
    `The work list: ${workListUrl}`,
    '',
  ].join('\n');
  const html = `<p>Good morning ${escape(recipient.fullName)},</p>
<p>What is due at ${escape(clinic.name)} on ${escape(localDate)}:</p>
<ul>
${lines.map((l) => `<li><strong>${escape(l.who)}</strong>: ${escape(l.what)} (${escape(l.when)})</li>`).join('\n')}
</ul>
<p><a href="${escape(workListUrl)}">The work list</a></p>`;
  return { subject, text, html };
}
