import { isDeepStrictEqual } from 'node:util';
import { DateTime } from 'luxon';
import { REMINDERS } from '../../src/reporting/figures/reminders.figure';
import type { ReportFigure } from '../../src/reporting/figures/report-figure';
import { ROOMS } from '../../src/reporting/figures/rooms.figure';
import { UTILISATION } from '../../src/reporting/figures/utilisation.figure';
import { VISITS } from '../../src/reporting/figures/visits.figure';
import { reportStatement, type ReportRequest } from '../../src/reporting/report-query';
import type { Dimension } from '../../src/reporting/rules/figure-definition';
import { dayAfter } from '../../src/reporting/rules/report-range';
import { VisitDaysService } from '../../src/reporting/visit-days/visit-days.service';
import {
  createLocation,
  createPatient,
  createStaff,
  createTherapist,
  type LocationRow,
  type StaffUser,
} from '../factories';
import { eventually } from '../support/eventually';
import { startTestApp, type TestApp } from '../support/test-app';
import { createEmail, createVisit, createVisitType } from './report-data';

const ZONE = 'America/Chicago';
const ROLLED_UP: ReportFigure[] = [VISITS, UTILISATION, ROOMS, REMINDERS];

/**
 * The visit-day roll-up against the visits themselves: after bookings, moves across midnight and
 * between therapists, cancellations, no-shows, completions and emails made through the API, and
 * after bookings made at once, every rolled-up figure equals the same figure counted from the
 * visits, day by day and by therapist.
 */
describe('the visit-day roll-up', () => {
  let t: TestApp;
  let clinic: LocationRow;
  let admin: StaffUser;
  let first: StaffUser;
  let second: StaffUser;
  let typeId: string;
  const today = DateTime.now().setZone(ZONE).startOf('day');
  const localDay = (days: number) => today.plus({ days }).toISODate()!;
  const range = { from: localDay(-2), to: localDay(12) };

  const as = () => ({ Authorization: admin.authorization });

  async function book(therapist: StaffUser, localStart: string): Promise<string> {
    const patient = await createPatient(t.db, clinic.id);
    const { body } = await t.http
      .post('/appointments')
      .set(as())
      .send({
        patientId: patient.id,
        appointmentTypeId: typeId,
        locationId: clinic.id,
        therapistId: therapist.id,
        localStart,
      })
      .expect(201);
    return body.id as string;
  }

  /**
   * Each rolled-up figure by day and by each split, as read from the roll-up and from the visits
   * in one snapshot, after a fold. The app's workers settle the booking emails (skipped: no
   * consent) meanwhile, so a fold may precede a change the count already sees: the next one
   * catches it up.
   */
  async function expectRollUpToMatchVisits(): Promise<void> {
    const compared = await eventually(
      async () => {
        await t.app.get(VisitDaysService).foldStaleDays();
        return bothWays();
      },
      (pairs) => pairs.every(({ rolled, counted }) => isDeepStrictEqual(rolled, counted)),
    );
    for (const { rolled, counted } of compared) expect(rolled).toEqual(counted);
  }

  async function bothWays() {
    const client = await t.db.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      const pairs = [];
      for (const figure of ROLLED_UP) {
        for (const by of [null, ...figure.dimensions] as (Dimension | null)[]) {
          const request: ReportRequest = {
            from: range.from,
            toExclusive: dayAfter(range.to),
            locationIds: [clinic.id],
            therapistIds: null,
            payers: null,
            period: 'day',
            by,
          };
          const read = async (statement: { sql: string; parameters: unknown[] }) => ({
            figure: figure.key,
            by,
            rows: (await client.query(statement.sql, statement.parameters)).rows,
          });
          pairs.push({
            rolled: await read(reportStatement(figure, request)),
            counted: await read(reportStatement({ ...figure, rolledUp: undefined }, request)),
          });
        }
      }
      await client.query('COMMIT');
      return pairs;
    } finally {
      client.release();
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    clinic = await createLocation(t.db, { name: 'Plano', state: 'TX', timeZone: ZONE });
    admin = await createStaff(t.http, t.db, 'admin');
    await t.http
      .put(`/locations/${clinic.id}/hours`)
      .set(as())
      .send({
        windows: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
          weekday,
          opens: '00:00',
          closes: '23:59',
        })),
      })
      .expect(200);
    const allDay = { weekdays: [1, 2, 3, 4, 5, 6, 7], starts: '00:00', ends: '23:59' };
    first = await createTherapist(t.http, t.db, admin, clinic, allDay);
    second = await createTherapist(t.http, t.db, admin, clinic, allDay);
    typeId = await createVisitType(t.db, 30);
  });
  afterAll(() => t.close());

  it('equals the visits after bookings, moves, cancellations, no-shows, completions and emails', async () => {
    const late = await book(first, `${localDay(2)}T23:15`);
    const early = await book(first, `${localDay(3)}T00:15`);
    const kept = await book(second, `${localDay(2)}T09:00`);
    const cancelled = await book(second, `${localDay(4)}T10:00`);
    await expectRollUpToMatchVisits();

    // Across midnight to the next local day, and to the other therapist.
    await t.http
      .post(`/appointments/${late}/reschedule`)
      .set(as())
      .send({ localStart: `${localDay(3)}T01:00`, therapistId: second.id })
      .expect(200);
    await t.http
      .post(`/appointments/${early}/reschedule`)
      .set(as())
      .send({ localStart: `${localDay(5)}T12:00` })
      .expect(200);
    await t.http
      .post(`/appointments/${cancelled}/cancel`)
      .set(as())
      .send({ reason: 'Patient unwell' })
      .expect(200);
    await t.http.post(`/appointments/${kept}/confirm`).set(as()).expect(200);

    // Visits under way now (written as scheduling writes them), then recorded at the desk.
    const visitNow = (therapist: StaffUser, minutesAgo: number) =>
      createPatient(t.db, clinic.id).then((patient) =>
        createVisit(t.db, {
          typeId,
          locationId: clinic.id,
          therapistId: therapist.id,
          patientId: patient.id,
          createdBy: admin.id,
          startsAt: DateTime.now().minus({ minutes: minutesAgo }).toISO(),
          minutes: 30,
        }),
      );
    const missed = await visitNow(first, 20);
    const came = await visitNow(second, 10);
    await t.http.post(`/appointments/${missed}/no-show`).set(as()).expect(200);
    await t.http.post(`/appointments/${came}/check-in`).set(as()).expect(200);
    await t.http.post(`/appointments/${came}/complete`).set(as()).expect(200);
    const { rows } = await t.db.query<{ patient_id: string }>(
      'SELECT patient_id FROM appointments WHERE id = $1',
      [came],
    );
    await createEmail(t.db, {
      patientId: rows[0].patient_id,
      appointmentId: came,
      kind: 'appointment_reminder',
      status: 'sent',
      at: DateTime.now().minus({ hours: 2 }).toISO(),
    });
    await expectRollUpToMatchVisits();

    // A booking is in the figures as soon as it commits.
    const before = await t.http
      .get(`/reports/visits?from=${range.from}&to=${range.to}`)
      .set(as())
      .expect(200);
    await book(first, `${localDay(6)}T08:00`);
    const after = await t.http
      .get(`/reports/visits?from=${range.from}&to=${range.to}`)
      .set(as())
      .expect(200);
    expect(after.body.totals.measures.scheduled).toBe(before.body.totals.measures.scheduled + 1);
    expect(after.body.totals.measures).toMatchObject({ arrived: 1, noShows: 1, cancelled: 1 });
  });

  it('equals the visits after bookings made at once while reports are read', async () => {
    const starts = Array.from({ length: 16 }, (_, index) => ({
      therapist: index % 2 === 0 ? first : second,
      localStart: `${localDay(7 + (index % 4))}T${String(8 + Math.floor(index / 4)).padStart(2, '0')}:00`,
    }));
    const reads = Array.from({ length: 4 }, () =>
      t.http.get(`/reports/utilisation?from=${range.from}&to=${range.to}`).set(as()).expect(200),
    );
    await Promise.all([
      ...starts.map(({ therapist, localStart }) => book(therapist, localStart)),
      ...reads,
    ]);
    await expectRollUpToMatchVisits();
    const { rows } = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM appointments WHERE location_id = $1',
      [clinic.id],
    );
    const { body } = await t.http
      .get(`/reports/visits?from=${range.from}&to=${range.to}`)
      .set(as())
      .expect(200);
    expect(body.totals.measures.scheduled).toBe(rows[0].n);
  });
});
