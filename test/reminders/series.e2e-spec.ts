import { DateTime } from 'luxon';
import { sleep } from '../support/eventually';
import { SmtpSink } from '../support/smtp-sink';
import { queueBackendsForTests, startTestApp, type TestApp } from '../support/test-app';
import { nextWeekday } from '../scheduling/calendar-dates';
import { calendarPartsOf } from './calendar-parts';
import { emailClinic, type EmailClinic } from './clinic';

const ZONE = 'America/New_York';

describe.each(queueBackendsForTests())('emails for a recurring series (%s queue)', (backend) => {
  let sink: SmtpSink;
  let t: TestApp;
  let clinic: EmailClinic;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await startTestApp({
      queueBackend: backend,
      env: { SMTP_URL: sink.url, OUTBOX_POLL_MS: '50', EMAIL_RETRY_BASE_MS: '100' },
    });
    clinic = await emailClinic(t, { timeZone: ZONE });
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('sends one confirmation listing every visit, with all of them in its calendar file', async () => {
    const patient = await clinic.patient();
    const monday = nextWeekday(1, 7, ZONE);
    const { body } = await t.http
      .post('/appointment-series')
      .set({ Authorization: clinic.admin.authorization })
      .send({
        patientId: patient.id,
        appointmentTypeId: clinic.typeId,
        locationId: clinic.locationId,
        therapistId: clinic.therapist.id,
        localStart: `${monday}T09:00`,
        rrule: 'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=4',
        onConflict: 'book_none',
      })
      .expect(201);
    expect(body).toMatchObject({ booked: 4, conflicts: 0 });

    const [confirmation] = await sink.waitFor(patient.email, 1);
    await sleep(1000);
    expect(sink.to(patient.email)).toHaveLength(1);

    const text = confirmation.parsed.text ?? '';
    expect(text).toContain('It is the first of 4 visits:');
    const visits = (body.occurrences as { startsAt: string }[]).map((occurrence) =>
      DateTime.fromISO(occurrence.startsAt).setZone(ZONE).toFormat("cccc, LLLL d 'at' h:mm a"),
    );
    for (const visit of visits) expect(text).toContain(`- ${visit}`);
    expect(confirmation.parsed.html).toContain(`<br>- ${visits[1]}`);
    const [calendar] = calendarPartsOf(confirmation);
    const events = calendar.bytes.toString('utf8').match(/BEGIN:VEVENT/g) ?? [];
    expect(events).toHaveLength(4);

    const { rows } = await t.db.query<{ kind: string; count: number }>(
      `SELECT n.kind, count(*)::int AS count FROM notifications n
         JOIN appointments a ON a.id = n.appointment_id
        WHERE a.patient_id = $1 GROUP BY n.kind ORDER BY n.kind`,
      [patient.id],
    );
    // One confirmation for the series; every visit keeps its own reminder.
    expect(rows).toEqual([
      { kind: 'appointment_confirmation', count: 1 },
      { kind: 'appointment_reminder', count: 4 },
    ]);

    // The patient confirms the second visit by phone: no "booked" email of its own follows.
    const second = (body.occurrences as { appointmentId: string }[])[1].appointmentId;
    await t.http
      .post(`/appointments/${second}/confirm`)
      .set({ Authorization: clinic.admin.authorization })
      .expect(200);
    await sleep(1000);
    expect(sink.to(patient.email)).toHaveLength(1);
    const { rows: confirmations } = await t.db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM notifications
        WHERE appointment_id = $1 AND kind = 'appointment_confirmation'`,
      [second],
    );
    expect(confirmations[0].count).toBe(0);
  });
});
