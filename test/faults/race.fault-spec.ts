import { createPatient } from '../factories';
import { emailClinic, type EmailClinic } from '../reminders/clinic';
import { queueBackendsForTests, startTestApp, type TestApp } from '../support/test-app';
import { slot } from './booking-load';
import { quantile, report, tally } from './figures';

const RACERS = 200;

/** 200 front desks book the same therapist at the same time: one wins, every other is a 409. */
describe.each(queueBackendsForTests())('a 200-way booking race (%s queue)', (backend) => {
  let t: TestApp;
  let clinic: EmailClinic;

  beforeAll(async () => {
    // Two hundred requests queue for twenty pooled connections; on a busy two-core machine some
    // wait longer than the 5 s default before they get one, and are shed as 503. This run is about
    // the conflict's answer, so they wait.
    t = await startTestApp({
      queueBackend: backend,
      env: { DATABASE_CONNECT_TIMEOUT_MS: '60000' },
    });
    clinic = await emailClinic(t);
  }, 60_000);
  afterAll(() => t.close());

  it('books one visit, answers every loser 409, and leaves no overlap', async () => {
    const patients = await Promise.all(
      Array.from({ length: RACERS }, () => createPatient(t.db, clinic.locationId)),
    );
    const localStart = slot(10);
    const started = Date.now();
    const answers = await Promise.all(
      patients.map(async (patient) => {
        const before = Date.now();
        const response = await t.http
          .post('/appointments')
          .set({ Authorization: clinic.admin.authorization })
          .send({
            patientId: patient.id,
            appointmentTypeId: clinic.typeId,
            locationId: clinic.locationId,
            therapistId: clinic.therapist.id,
            localStart,
          });
        return {
          status: response.status,
          code: response.body?.code as string | undefined,
          ms: Date.now() - before,
        };
      }),
    );
    const wallMs = Date.now() - started;
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status !== 201 && a.status !== 409)).toEqual([]);
    const { rows } = await t.db.query<{ overlaps: string }>(
      `SELECT count(*) AS overlaps FROM appointments a JOIN appointments b
          ON a.therapist_id = b.therapist_id AND a.id < b.id
         AND a.status <> 'cancelled' AND b.status <> 'cancelled'
         AND a.session_key <> b.session_key
         AND tstzrange(a.busy_from, a.busy_until) && tstzrange(b.busy_from, b.busy_until)
       WHERE a.therapist_id = $1`,
      [clinic.therapist.id],
    );
    expect(Number(rows[0].overlaps)).toBe(0);
    const losers = answers.filter((a) => a.status === 409).map((a) => a.ms);
    report(`200-way booking race (${backend} queue)`, {
      answers: tally(answers.map((a) => `${a.status} ${a.code ?? ''}`.trim())),
      loserMsP50: quantile(losers, 0.5),
      loserMsP99: quantile(losers, 0.99),
      loserMsMax: quantile(losers, 1),
      wallMs,
    });
  });
});
