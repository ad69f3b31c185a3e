import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { evaluateAssessment, type AssessmentInput } from '../intake/rules/assessment-content';
import { planAppointmentNotifications, reminderLeads } from '../reminders/rules/notification-plan';
import { DEMO_COURSES, type DemoCourse } from './demo-courses';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const PAST_DAYS = 56;
const AHEAD_DAYS = 14;

/** What a course's visits need to know of the rows the seed made before. */
interface CourseRows {
  patient: { id: string; dateOfBirth: string; reachable: boolean };
  therapistId: string;
  location: { id: string; timeZone: string; reminderHours: number[] };
  types: Map<string, { id: string; durationMinutes: number; bufferAfterMinutes: number }>;
}

type Status = 'booked' | 'confirmed' | 'checked_in' | 'completed' | 'cancelled' | 'no_show';

/**
 * A clinic that has been running: for each demo course, visits on the patient's weekdays over
 * the past eight weeks (completed, with cancellations, late cancellations and no-shows among
 * them) and booked ones over the next two, each with its history and its emails (sent, skipped
 * for want of consent, pending), an episode of care with an intake and a re-evaluation scored
 * with real instruments, and a patient waiting for an earlier slot. Dated from `now`, in each
 * clinic's zone. Added once: a second run finds the demo visits and adds nothing.
 */
export async function seedDemoHistory(manager: EntityManager, now: Date): Promise<number> {
  const [{ seeded }] = await manager.query<{ seeded: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM appointments a JOIN users u ON u.id = a.therapist_id
                     WHERE lower(u.email) = ANY($1)) AS seeded`,
    [DEMO_COURSES.map((course) => course.therapistEmail.toLowerCase())],
  );
  if (seeded) return 0;
  let visits = 0;
  for (const course of DEMO_COURSES) {
    const rows = await courseRows(manager, course);
    if (rows) visits += await seedCourse(manager, course, rows, now);
  }
  return visits;
}

async function courseRows(manager: EntityManager, course: DemoCourse): Promise<CourseRows | null> {
  const [row] = await manager.query<
    {
      patient_id: string;
      date_of_birth: string;
      reachable: boolean;
      therapist_id: string;
      location_id: string;
      time_zone: string;
      reminder_hours_before: number;
      second_reminder_hours_before: number | null;
    }[]
  >(
    `SELECT p.id AS patient_id, to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth,
            (p.email IS NOT NULL AND p.email_consent) AS reachable, u.id AS therapist_id,
            l.id AS location_id, l.time_zone, l.reminder_hours_before, l.second_reminder_hours_before
       FROM patients p, users u, locations l
      WHERE lower(p.first_name) = lower($1) AND lower(p.last_name) = lower($2)
        AND lower(u.email) = lower($3) AND l.code = $4`,
    [course.firstName, course.lastName, course.therapistEmail, course.location],
  );
  if (!row) return null;
  const types = await manager.query<
    { code: string; id: string; duration_minutes: number; buffer_after_minutes: number }[]
  >(
    `SELECT code, id, duration_minutes, buffer_after_minutes FROM appointment_types
      WHERE code = ANY($1)`,
    [[course.firstType, course.type, course.reviewType]],
  );
  return {
    patient: { id: row.patient_id, dateOfBirth: row.date_of_birth, reachable: row.reachable },
    therapistId: row.therapist_id,
    location: {
      id: row.location_id,
      timeZone: row.time_zone,
      reminderHours: reminderLeads(
        { reminderHoursBefore: null, secondReminderHoursBefore: null },
        {
          reminderHoursBefore: row.reminder_hours_before,
          secondReminderHoursBefore: row.second_reminder_hours_before,
        },
      ),
    },
    types: new Map(
      types.map((type) => [
        type.code,
        {
          id: type.id,
          durationMinutes: type.duration_minutes,
          bufferAfterMinutes: type.buffer_after_minutes,
        },
      ]),
    ),
  };
}

/** The status a visit has by now, varied by its place in the course. */
function statusOf(index: number, start: number, end: number, now: number): Status {
  if (start > now) return index % 3 === 0 ? 'confirmed' : 'booked';
  if (end > now) return 'checked_in';
  if (index % 9 === 4) return 'no_show';
  if (index % 7 === 3) return 'cancelled';
  if (index % 11 === 6) return 'cancelled';
  return 'completed';
}

async function seedCourse(
  manager: EntityManager,
  course: DemoCourse,
  rows: CourseRows,
  now: Date,
): Promise<number> {
  const zone = rows.location.timeZone;
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const dates: DateTime[] = [];
  for (let day = today.minus({ days: PAST_DAYS }); day <= today.plus({ days: AHEAD_DAYS });) {
    if (course.weekdays.includes(day.weekday)) dates.push(day);
    day = day.plus({ days: 1 });
  }
  const episodeId = await seedEpisode(manager, course, rows, dates, now);
  let index = 0;
  for (const date of dates) {
    const typeCode =
      index === 0 ? course.firstType : index === course.reviewAt ? course.reviewType : course.type;
    const type = rows.types.get(typeCode)!;
    const [hour, minute] = course.time.split(':').map(Number);
    const start = date.set({ hour, minute }).toMillis();
    const end = start + type.durationMinutes * MINUTE;
    const status = statusOf(index, start, end, now.getTime());
    const late = status === 'cancelled' && index % 11 === 6;
    await seedVisit(manager, rows, {
      index,
      typeId: type.id,
      start,
      end,
      busyUntil: end + type.bufferAfterMinutes * MINUTE,
      status,
      late,
      episodeId,
      reason: index === 0 ? course.reason : null,
      now: now.getTime(),
    });
    index += 1;
  }
  if (course.waitsForEarlierSlot) {
    await manager.query(
      `INSERT INTO waitlist_entries (patient_id, appointment_type_id, location_ids, therapist_id,
                                     earliest, latest, day_starts, day_ends, created_by, created_at)
       VALUES ($1, $2, ARRAY[$3::uuid], $4, $5, $6, '07:00', '12:00', $4, $7)`,
      [
        rows.patient.id,
        rows.types.get(course.type)!.id,
        rows.location.id,
        rows.therapistId,
        today.toISODate(),
        today.plus({ days: AHEAD_DAYS }).toISODate(),
        now,
      ],
    );
  }
  return dates.length;
}

interface Visit {
  index: number;
  typeId: string;
  start: number;
  end: number;
  busyUntil: number;
  status: Status;
  late: boolean;
  episodeId: string | null;
  reason: string | null;
  now: number;
}

async function seedVisit(manager: EntityManager, rows: CourseRows, visit: Visit): Promise<void> {
  const id = randomUUID();
  // Booked a week ahead (the first visit three days ahead), never after now.
  const bookedAt = Math.min(visit.start - (visit.index === 0 ? 3 : 7) * DAY, visit.now - HOUR);
  const cancelledAt =
    visit.status === 'cancelled' ? visit.start - (visit.late ? 5 * HOUR : 3 * DAY) : null;
  await manager.query(
    `INSERT INTO appointments (id, appointment_type_id, location_id, therapist_id, patient_id,
                               episode_id, status, starts_at, ends_at, busy_from, busy_until,
                               session_key, cancel_reason, late_cancellation, cancelled_at,
                               reason_for_visit, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $8, $10, $1, $11, $12, $13, $14, $4, $15, $16)`,
    [
      id,
      visit.typeId,
      rows.location.id,
      rows.therapistId,
      rows.patient.id,
      visit.episodeId,
      visit.status,
      new Date(visit.start),
      new Date(visit.end),
      new Date(visit.busyUntil),
      cancelledAt === null ? null : visit.late ? 'Sick child at home' : 'Work schedule changed',
      cancelledAt === null ? null : visit.late,
      cancelledAt === null ? null : new Date(cancelledAt),
      visit.reason,
      new Date(bookedAt),
      new Date(Math.min(visit.now, visit.end)),
    ],
  );
  const events: [string, string | null, string, number, Record<string, unknown>][] = [
    ['book', null, 'booked', bookedAt, {}],
  ];
  if (visit.status === 'confirmed')
    events.push(['confirm', 'booked', 'confirmed', bookedAt + DAY, {}]);
  if (['checked_in', 'completed'].includes(visit.status)) {
    events.push(['check_in', 'booked', 'checked_in', visit.start - 10 * MINUTE, {}]);
  }
  if (visit.status === 'completed')
    events.push(['complete', 'checked_in', 'completed', visit.end, {}]);
  if (visit.status === 'no_show')
    events.push(['no_show', 'booked', 'no_show', visit.start + 20 * MINUTE, {}]);
  if (cancelledAt !== null) {
    events.push(['cancel', 'booked', 'cancelled', cancelledAt, { late: visit.late }]);
  }
  for (const [action, from, to, at, details] of events) {
    await manager.query(
      `INSERT INTO appointment_events (appointment_id, occurred_at, actor_user_id, action,
                                       from_status, to_status, from_starts_at, to_starts_at, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        id,
        new Date(Math.min(at, visit.now)),
        rows.therapistId,
        action,
        from,
        to,
        from === null ? null : new Date(visit.start),
        new Date(visit.start),
        details,
      ],
    );
  }
  // The emails the outbox planned at booking, as far as they have gone by now.
  const planned = planAppointmentNotifications(
    {
      id,
      status: 'booked',
      startsAt: new Date(visit.start),
      lateCancellation: false,
      timeZone: rows.location.timeZone,
      revision: 0,
      reminderHoursBefore: rows.location.reminderHours,
      followUpDays: null,
    },
    new Date(bookedAt),
  );
  for (const email of planned) {
    const due = email.sendAt.getTime();
    const status =
      cancelledAt !== null && due > cancelledAt
        ? 'cancelled'
        : due > visit.now
          ? 'pending'
          : rows.patient.reachable
            ? 'sent'
            : 'skipped';
    await manager.query(
      `INSERT INTO notifications (kind, dedupe_key, patient_id, appointment_id, send_at, status,
                                  version, relayed_version, attempts, sent_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8, $9, $10)`,
      [
        email.kind,
        email.dedupeKey,
        rows.patient.id,
        id,
        email.sendAt,
        status,
        status === 'pending' ? 0 : 1,
        status === 'sent' ? 1 : 0,
        status === 'sent' ? email.sendAt : null,
        new Date(bookedAt),
      ],
    );
  }
}

/** The course's episode, opened at its first visit, with a signed intake and re-evaluation. */
async function seedEpisode(
  manager: EntityManager,
  course: DemoCourse,
  rows: CourseRows,
  dates: DateTime[],
  now: Date,
): Promise<string> {
  const openedOn = dates[0].toISODate()!;
  const [{ id }] = await manager.query<{ id: string }[]>(
    `INSERT INTO episodes_of_care (patient_id, location_id, condition, body_region, opened_on,
                                   created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      rows.patient.id,
      rows.location.id,
      course.condition,
      course.assessment.bodyRegion,
      openedOn,
      rows.therapistId,
      dates[0].toJSDate(),
    ],
  );
  const onsetDate = dates[0].minus({ weeks: course.onsetWeeksBefore }).toISODate()!;
  const intake: AssessmentInput = { ...course.assessment, onsetDate };
  const assessments: [string, string, AssessmentInput][] = [
    ['initial_evaluation', openedOn, intake],
    ['re_evaluation', dates[course.reviewAt].toISODate()!, { ...intake, ...course.review }],
  ];
  for (const [kind, assessedOn, input] of assessments) {
    const signedAt = DateTime.fromISO(assessedOn, { zone: rows.location.timeZone })
      .set({ hour: 17 })
      .toJSDate();
    if (signedAt > now) continue;
    const evaluated = evaluateAssessment(
      input,
      { dateOfBirth: rows.patient.dateOfBirth },
      assessedOn,
    );
    await manager.query(
      `INSERT INTO assessments (episode_id, kind, status, assessed_on, content, instruments,
                                red_flag_screen, screen_disposition, created_by, signed_by,
                                signed_at, created_at)
       VALUES ($1, $2, 'signed', $3, $4, $5, $6, $7, $8, $8, $9, $9)`,
      [
        id,
        kind,
        assessedOn,
        JSON.stringify(evaluated.content),
        JSON.stringify(evaluated.instruments),
        JSON.stringify(evaluated.screen),
        evaluated.screen.disposition,
        rows.therapistId,
        signedAt,
      ],
    );
  }
  return id;
}
