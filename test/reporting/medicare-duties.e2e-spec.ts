import { DateTime } from 'luxon';
import {
  createLocation,
  createPatient,
  createStaff,
  createTherapist,
  type LocationRow,
  type StaffUser,
} from '../factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { createEpisode, createPlan } from './care-data';
import { createVisit, createVisitType, setPayer } from './report-data';

/**
 * Medicare's duties on the plans of care in force, counted per clinic as of each clinic's today
 * (Scranton in New York, Plano in Chicago): the dates are relative to today, as the counts are.
 */
describe('Medicare duties due and overdue, per clinic', () => {
  let t: TestApp;
  let scranton: LocationRow;
  let plano: LocationRow;
  let admin: StaffUser;
  let scrantonClerk: StaffUser;

  const get = (path: string, user: StaffUser = admin) =>
    t.http.get(path).set('Authorization', user.authorization);

  beforeAll(async () => {
    t = await startTestApp();
    scranton = await createLocation(t.db, { name: 'Scranton' });
    plano = await createLocation(t.db, { name: 'Plano', state: 'TX', timeZone: 'America/Chicago' });
    admin = await createStaff(t.http, t.db, 'admin');
    const therapists = new Map([
      [scranton.id, await createTherapist(t.http, t.db, admin, scranton)],
      [plano.id, await createTherapist(t.http, t.db, admin, plano)],
    ]);
    scrantonClerk = await createStaff(t.http, t.db, 'front_desk', [scranton.id]);
    const treatment = await createVisitType(t.db);

    /** A patient whose plan of care opened `openedDaysAgo` days before the clinic's today. */
    const planned = async (
      location: LocationRow,
      {
        payer = 'medicare',
        openedDaysAgo,
        certifiedDaysAgo,
        attendedDaysAgo = [],
        status = 'active',
      }: {
        payer?: string;
        openedDaysAgo: number;
        certifiedDaysAgo?: number;
        attendedDaysAgo?: number[];
        status?: 'active' | 'completed';
      },
    ) => {
      const today = DateTime.now().setZone(location.timeZone).startOf('day');
      const day = (ago: number) => today.minus({ days: ago });
      const therapist = therapists.get(location.id)!;
      const patientId = (await createPatient(t.db, location.id)).id;
      await setPayer(t.db, patientId, payer);
      const episodeId = await createEpisode(t.db, {
        patientId,
        locationId: location.id,
        therapistId: therapist.id,
        openedOn: day(openedDaysAgo).toISODate()!,
      });
      const signed = day(openedDaysAgo).plus({ hours: 10 }).toISO()!;
      await createPlan(t.db, {
        episodeId,
        author: therapist.id,
        writtenAt: day(openedDaysAgo).plus({ hours: 9 }).toISO()!,
        startDate: day(openedDaysAgo).toISODate()!,
        endDate: today.plus({ days: 30 }).toISODate()!,
        frequencyPerWeek: 2,
        durationWeeks: 8,
        changes:
          status === 'active'
            ? [{ to: 'active', at: signed }]
            : [
                { to: 'active', at: signed },
                { to: 'completed', at: day(1).toISO()! },
              ],
      });
      if (certifiedDaysAgo !== undefined) {
        await t.db.query(
          `INSERT INTO plan_signatures (episode_id, signer_name, profession, kind, signed_on, recorded_by)
           VALUES ($1, 'Dr. Rivera', 'physician', 'certification', $2, $3)`,
          [episodeId, day(certifiedDaysAgo).toISODate(), admin.id],
        );
      }
      for (const ago of attendedDaysAgo) {
        await createVisit(t.db, {
          typeId: treatment,
          locationId: location.id,
          therapistId: therapist.id,
          patientId,
          createdBy: admin.id,
          startsAt: day(ago).plus({ hours: 9 }).toISO()!,
          status: 'completed',
          episodeId,
        });
      }
    };
    const range = (from: number, to: number) =>
      Array.from({ length: from - to + 1 }, (_, index) => from - index);

    // Scranton: one plan not yet certified inside its 30 days, one past them; a commercial
    // patient's plan and a completed Medicare plan, neither counted.
    await planned(scranton, { openedDaysAgo: 10 });
    await planned(scranton, { openedDaysAgo: 40 });
    await planned(scranton, { payer: 'commercial', openedDaysAgo: 40 });
    await planned(scranton, { openedDaysAgo: 40, status: 'completed' });
    // Plano: certified 85 days into a 90-day period (recertification due in 4 days) with 10
    // treatment days since the last report, the 10th 11 days ago (overdue); certified through 11
    // days ago (overdue) with 9 treatment days (the report is due at the next).
    await planned(plano, {
      openedDaysAgo: 85,
      certifiedDaysAgo: 80,
      attendedDaysAgo: range(20, 11),
    });
    await planned(plano, {
      openedDaysAgo: 100,
      certifiedDaysAgo: 99,
      attendedDaysAgo: range(9, 1),
    });
  });
  afterAll(() => t.close());

  const none = {
    certificationsDue: 0,
    certificationsOverdue: 0,
    recertificationsDue: 0,
    recertificationsOverdue: 0,
    progressReportsDue: 0,
    progressReportsOverdue: 0,
  };

  it('counts each clinic’s certifications, recertifications and progress reports due and overdue', async () => {
    const { body } = await get('/reports/medicare-duties').expect(200);
    expect(body.rows.map((row: { clinic: string }) => row.clinic)).toEqual(['Plano', 'Scranton']);
    const [planoRow, scrantonRow] = body.rows;
    expect(planoRow.asOf).toBe(DateTime.now().setZone('America/Chicago').toISODate());
    expect(planoRow.counts).toEqual({
      ...none,
      medicarePlans: 2,
      recertificationsDue: 1,
      recertificationsOverdue: 1,
      progressReportsDue: 1,
      progressReportsOverdue: 1,
    });
    expect(scrantonRow.counts).toEqual({
      ...none,
      medicarePlans: 2,
      certificationsDue: 1,
      certificationsOverdue: 1,
    });
    expect(body.totals).toEqual({
      medicarePlans: 4,
      certificationsDue: 1,
      certificationsOverdue: 1,
      recertificationsDue: 1,
      recertificationsOverdue: 1,
      progressReportsDue: 1,
      progressReportsOverdue: 1,
    });
  });

  it('shows front desk their own clinic, answers 404 for another, and serves the same as CSV', async () => {
    const own = (await get('/reports/medicare-duties', scrantonClerk).expect(200)).body;
    expect(own.rows.map((row: { clinic: string }) => row.clinic)).toEqual(['Scranton']);
    await get(`/reports/medicare-duties?locationId=${plano.id}`, scrantonClerk).expect(404);
    const csv = await get(`/reports/medicare-duties.csv?locationId=${plano.id}`).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="medicare-duties-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const today = DateTime.now().setZone('America/Chicago').toISODate();
    expect(csv.text.trimEnd().split('\n')).toEqual([
      'location_id,clinic,as_of,medicarePlans,certificationsDue,certificationsOverdue,recertificationsDue,recertificationsOverdue,progressReportsDue,progressReportsOverdue',
      `${plano.id},Plano,${today},2,0,0,1,1,1,1`,
      ',total,,2,0,0,1,1,1,1',
    ]);
    const { rows } = await t.db.query(
      `SELECT action FROM audit_events WHERE entity_type = 'report' AND entity_id = 'medicare-duties' ORDER BY occurred_at`,
    );
    expect(rows.map((row: { action: string }) => row.action)).toEqual(['read', 'read', 'export']);
  });
});
