import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { type LocationRow, type StaffUser } from '../factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { as, dayIn, patientWithEpisode, ZONE, planClinic } from './plan-fixtures';

/** ODI answers, item 8 (sex life) left out: the score is the sum over 45, in percent. */
const odi = (each: number[]) =>
  Object.fromEntries(
    [...each.slice(0, 7), null, ...each.slice(7)].map((value, i) => [`odi_${i + 1}`, value]),
  );

describe('plan progress: visits completed against prescribed, goals against re-assessments', () => {
  let t: TestApp;
  let clerk: StaffUser;
  let pt: StaffUser;
  let clinic: LocationRow;
  let followUp: string;
  let templateVersionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ clerk, pt, clinic, followUp, templateVersionId } = await planClinic(
      t.http,
      t.db,
      'progress_follow_up',
    ));
  });
  afterAll(() => t.close());

  /** A signed ODI-scoring assessment of the episode, through intake's API. */
  async function assessed(episodeId: string, kind: string, assessedOn: string, answers: number[]) {
    const created = await t.http
      .post(`/episodes/${episodeId}/assessments`)
      .set(as(pt))
      .send({
        kind,
        assessedOn,
        chiefComplaint: 'Low back spasm',
        bodyRegion: 'lower_back',
        side: 'left',
        onsetDate: dayIn(-16),
        mechanism: 'sudden_movement',
        severity: 'moderate',
        triggers: ['bending_forward'],
        easingFactors: ['heat'],
        associatedSymptoms: ['muscle_spasm'],
        relevantHistory: [],
        medications: [],
        pain: { now: 5 },
        redFlags: [],
        instruments: [{ instrument: 'odi', answers: odi(answers) }],
      })
      .expect(201);
    await t.http.post(`/assessments/${created.body.id}/sign`).set(as(pt)).expect(200);
    if (created.body.redFlags.disposition === 'clinician_review') {
      // A 70-year-old's screen asks for a clinician's decision before treatment.
      await t.http
        .post(`/assessments/${created.body.id}/red-flag-decision`)
        .set(as(pt))
        .send({ decision: 'proceed', reason: 'Mechanical low back pain; no sinister signs' })
        .expect(201);
    }
  }

  /** A treatment visit `daysAgo` days back at 09:00 local, in the state given. */
  async function pastVisit(
    care: { patientId: string; episodeId: string },
    daysAgo: number,
    status: string,
  ) {
    const id = randomUUID();
    const startsAt = DateTime.now()
      .setZone(ZONE)
      .startOf('day')
      .minus({ days: daysAgo })
      .plus({ hours: 9 });
    await t.db.query(
      `INSERT INTO appointments (id, appointment_type_id, location_id, therapist_id, patient_id, episode_id,
         status, starts_at, ends_at, busy_from, busy_until, session_key, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz, $8::timestamptz + interval '45 min',
               $8::timestamptz, $8::timestamptz + interval '45 min', $1, $4)`,
      [id, followUp, clinic.id, pt.id, care.patientId, care.episodeId, status, startsAt.toISO()],
    );
    return id;
  }

  it('reads each goal from the intake baseline to the latest re-evaluation, and counts the plan’s visits', async () => {
    const care = await patientWithEpisode(t.http, t.db, clerk, pt, clinic, {
      openedOn: dayIn(-14),
      onsetDate: dayIn(-16),
    });
    // ODI 18/45 = 40 % at the initial evaluation, 9/45 = 20 % at the re-evaluation.
    await assessed(care.episodeId, 'initial_evaluation', dayIn(-14), [2, 2, 2, 2, 2, 2, 2, 2, 2]);
    await assessed(care.episodeId, 're_evaluation', dayIn(-1), [1, 1, 1, 1, 1, 1, 1, 1, 1]);
    const plan = await t.http
      .post(`/episodes/${care.episodeId}/plans`)
      .set(as(pt))
      .send({
        templateVersionId,
        startDate: dayIn(-14),
        frequencyPerWeek: 2,
        durationWeeks: 6,
        visitsAuthorised: 10,
        diagnoses: [{ code: 'M62.830', description: 'Muscle spasm of back' }],
        goals: [
          {
            term: 'short',
            description: 'Oswestry at most 30%',
            measure: 'odi',
            comparator: 'at_most',
            target: 30,
            targetDate: dayIn(-2),
          },
          {
            term: 'long',
            description: 'Oswestry at most 10%',
            measure: 'odi',
            comparator: 'at_most',
            target: 10,
            targetDate: dayIn(27),
          },
          {
            term: 'long',
            description: 'PSFS at least 7',
            measure: 'psfs',
            comparator: 'at_least',
            target: 7,
            targetDate: dayIn(27),
          },
        ],
      })
      .expect(201);
    await t.http.post(`/plans/${plan.body.id}/sign`).set(as(pt)).send({}).expect(200);

    await pastVisit(care, 12, 'completed');
    await pastVisit(care, 9, 'completed');
    await pastVisit(care, 7, 'no_show');
    const cancelled = await pastVisit(care, 5, 'booked');
    await t.db.query(
      `UPDATE appointments SET status = 'cancelled', cancel_reason = 'patient_request',
              late_cancellation = false, cancelled_at = now() WHERE id = $1`,
      [cancelled],
    );
    await pastVisit(care, 2, 'completed');
    await pastVisit(care, 20, 'completed'); // before the plan's first day: not the plan's
    const series = await t.http
      .post(`/plans/${plan.body.id}/bookings`)
      .set(as(clerk))
      .send({ appointmentTypeId: followUp, weekdays: [1, 4], time: '10:00' });
    expect(series.status).toBe(201);

    const { body } = await t.http.get(`/plans/${plan.body.id}`).set(as(pt)).expect(200);
    const booked = body.progress.visits.bookedAhead as number;
    expect(booked).toBeGreaterThan(0);
    expect(body.progress.visits).toEqual({
      prescribed: 12,
      authorised: 10,
      attended: 3,
      bookedAhead: booked,
      missed: 1,
      remaining: 7,
      unscheduled: Math.max(0, 7 - booked),
    });
    const baseline = {
      instrument: 'odi',
      score: 40,
      assessedOn: dayIn(-14),
      kind: 'initial_evaluation',
    };
    const latest = { instrument: 'odi', score: 20, assessedOn: dayIn(-1), kind: 're_evaluation' };
    const [short, long, psfs] = (body.goals as { id: string }[]).map((goal) => goal.id);
    expect(body.progress.goals).toEqual([
      expect.objectContaining({
        goalId: short,
        baseline,
        latest,
        met: true,
        state: 'met',
        percentOfWay: 100,
      }),
      expect.objectContaining({
        goalId: long,
        baseline,
        latest,
        met: false,
        state: 'in_progress',
        percentOfWay: 67,
      }),
      expect.objectContaining({
        goalId: psfs,
        baseline: null,
        latest: null,
        met: false,
        state: 'not_measured',
        percentOfWay: null,
      }),
    ]);
    expect(body.progress.version).toBe('plan-progress/2026-12');
  });
});
