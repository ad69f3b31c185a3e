import { DateTime } from 'luxon';
import { StaffDigestsService } from '../../src/reminders/staff-digests.service';
import { createLocation, createStaff, type StaffUser } from '../factories';
import { eventually } from '../support/eventually';
import { SmtpSink } from '../support/smtp-sink';
import { redisUrlForTests, startTestApp, type TestApp } from '../support/test-app';

const ZONE = 'America/New_York';
const day = (offset: number) => DateTime.now().setZone(ZONE).plus({ days: offset }).toISODate()!;
/** Today at a local hour in the clinic's zone, as an instant. */
const todayAt = (hour: number) =>
  DateTime.now().setZone(ZONE).startOf('day').plus({ hours: hour }).toJSDate();

describe('the daily work-list email to a clinic’s staff', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let digests: StaffDigestsService;
  let admin: StaffUser;
  let clerk: StaffUser;
  let therapist: StaffUser;
  let quietClerk: StaffUser;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await startTestApp({
      queueBackend: redisUrlForTests() ? 'redis' : 'postgres',
      env: { SMTP_URL: sink.url, EMAIL_RETRY_BASE_MS: '100', EMAIL_MAX_ATTEMPTS: '3' },
    });
    digests = t.app.get(StaffDigestsService);
    admin = await createStaff(t.http, t.db, 'admin');
    const busy = await createLocation(t.db, { name: 'Wilkes-Barre', timeZone: ZONE });
    const quiet = await createLocation(t.db, { name: 'Trucksville', timeZone: ZONE });
    clerk = await createStaff(t.http, t.db, 'front_desk', [busy.id]);
    therapist = await createStaff(t.http, t.db, 'therapist', [busy.id]);
    quietClerk = await createStaff(t.http, t.db, 'front_desk', [quiet.id]);
    const gone = await createStaff(t.http, t.db, 'front_desk', [busy.id]);
    await t.db.query(`UPDATE users SET active = false WHERE id = $1`, [gone.id]);

    const patient = await t.http
      .post('/patients')
      .set('Authorization', clerk.authorization)
      .send({
        firstName: 'Dana',
        lastName: 'Kowalski',
        dateOfBirth: '1971-04-09',
        homeLocationId: busy.id,
      })
      .expect(201);
    // Opened 40 days ago in Pennsylvania: treatment now needs a referral.
    await t.http
      .post(`/patients/${patient.body.id}/episodes`)
      .set('Authorization', admin.authorization)
      .send({
        locationId: busy.id,
        condition: 'Low back spasm',
        bodyRegion: 'lower_back',
        openedOn: day(-40),
      })
      .expect(201);
  });

  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('plans nothing before 07:00 at the clinic', async () => {
    await digests.planAndQueue(todayAt(6));
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM staff_task_digests`);
    expect(rows[0].n).toBe(0);
  });

  it('sends each active staff member of a clinic with work one email listing it, once', async () => {
    await digests.planAndQueue(todayAt(7));
    const [toClerk] = await sink.waitFor(clerk.email);
    const [toTherapist] = await sink.waitFor(therapist.email);
    expect(toClerk.parsed.subject).toBe(
      `Wilkes-Barre: 1 direct-access task for ${day(0)} (1 overdue)`,
    );
    expect(toClerk.parsed.text).toContain('- Dana Kowalski: A referral or signed plan is needed');
    expect(toTherapist.parsed.html).toContain('<strong>Dana Kowalski</strong>');

    await digests.planAndQueue(todayAt(9));
    const settled = await eventually(
      () =>
        t.db.query(
          `SELECT u.email, d.status, d.task_count FROM staff_task_digests d JOIN users u ON u.id = d.user_id ORDER BY u.email`,
        ),
      ({ rows }) => rows.every((row) => !['pending', 'sending'].includes(row.status)),
    );
    expect(settled.rows).toEqual(
      expect.arrayContaining([
        { email: clerk.email, status: 'sent', task_count: 1 },
        { email: therapist.email, status: 'sent', task_count: 1 },
        // A clinic with nothing due sends nothing.
        { email: quietClerk.email, status: 'skipped', task_count: 0 },
      ]),
    );
    expect(settled.rows).toHaveLength(3);
    expect(sink.to(clerk.email)).toHaveLength(1);
    expect(sink.to(quietClerk.email)).toHaveLength(0);
  });
});
