import {
  createLocation,
  createPatient,
  createStaff,
  createTherapist,
  type LocationRow,
  type StaffUser,
} from '../factories';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  createDischargedEpisode,
  createOpenEpisode,
  createReferral,
  episodeOf,
  createEmail,
  createSeries,
  createUnsubscribe,
  createVisit,
  createVisitType,
  moveVisit,
  setPayer,
  type VisitInput,
} from './report-data';

/**
 * The figures over a week built by hand (Monday 2 to Sunday 8 November 2026, after the DST change
 * of 1 November): Scranton in New York (UTC-5) and Plano in Chicago (UTC-6). Every number below
 * is counted from the rows written in beforeAll.
 */
describe('reports over a hand-built week in two time zones', () => {
  let t: TestApp;
  let scranton: LocationRow;
  let plano: LocationRow;
  let admin: StaffUser;
  let scrantonPt: StaffUser;
  let planoPt: StaffUser;
  let scrantonClerk: StaffUser;
  let planoPatientId: string;
  let visitType: string;
  const WEEK = 'from=2026-11-02&to=2026-11-08';

  const get = (path: string, user: StaffUser = admin) =>
    t.http.get(path).set('Authorization', user.authorization);

  beforeAll(async () => {
    t = await startTestApp({ env: { REPORTS_MIN_CELL_EPISODES: '3' } });
    scranton = await createLocation(t.db, { name: 'Scranton' });
    plano = await createLocation(t.db, { name: 'Plano', state: 'TX', timeZone: 'America/Chicago' });
    admin = await createStaff(t.http, t.db, 'admin');
    scrantonPt = await createTherapist(t.http, t.db, admin, scranton);
    planoPt = await createTherapist(t.http, t.db, admin, plano);
    scrantonClerk = await createStaff(t.http, t.db, 'front_desk', [scranton.id]);
    const type = await createVisitType(t.db);
    visitType = type;

    const seriesPatient = (await createPatient(t.db, scranton.id)).id;
    const movedPatient = (await createPatient(t.db, scranton.id)).id;
    const latePatient = (await createPatient(t.db, scranton.id)).id;
    const eveningPatient = (await createPatient(t.db, scranton.id)).id;
    const planoPatient = (await createPatient(t.db, plano.id)).id;
    planoPatientId = planoPatient;
    for (const patient of [seriesPatient, movedPatient, latePatient, eveningPatient]) {
      await setPayer(t.db, patient, 'medicare');
    }
    await setPayer(t.db, planoPatient, 'commercial');

    const at =
      (location: LocationRow, therapist: StaffUser, patientId: string) =>
      (startsAt: string, more: Partial<VisitInput> = {}) =>
        createVisit(t.db, {
          typeId: type,
          locationId: location.id,
          therapistId: therapist.id,
          patientId,
          createdBy: admin.id,
          startsAt,
          ...more,
        });

    // Scranton: a series Mon/Wed/Fri 09:00 with Wednesday's occurrence cancelled (the clinic is
    // closed that day) and Friday's missed.
    const series = await createSeries(t.db, admin.id);
    const seriesVisit = at(scranton, scrantonPt, seriesPatient);
    const monday = await seriesVisit('2026-11-02T09:00:00-05:00', {
      status: 'completed',
      seriesId: series,
    });
    await seriesVisit('2026-11-04T09:00:00-05:00', { status: 'cancelled', seriesId: series });
    const fridayMissed = await seriesVisit('2026-11-06T09:00:00-05:00', {
      status: 'no_show',
      seriesId: series,
    });
    // Booked for Monday 10:00, moved to Tuesday 10:00: counted once, on Tuesday.
    const moved = await at(
      scranton,
      scrantonPt,
      movedPatient,
    )('2026-11-02T10:00:00-05:00', {
      status: 'completed',
    });
    await moveVisit(t.db, moved, admin.id, '2026-11-03T10:00:00-05:00');
    await at(
      scranton,
      scrantonPt,
      latePatient,
    )('2026-11-05T11:00:00-05:00', {
      status: 'cancelled',
      lateCancellation: true,
    });
    // 18:30 to 19:30 in New York is 23:30 to 00:30 UTC: it crosses midnight UTC, on Friday.
    await at(
      scranton,
      scrantonPt,
      eveningPatient,
    )('2026-11-06T18:30:00-05:00', {
      status: 'completed',
    });
    // The next Monday 00:30 in New York: outside the week.
    await at(
      scranton,
      scrantonPt,
      eveningPatient,
    )('2026-11-09T00:30:00-05:00', { status: 'completed' });

    // Plano: Sunday 1 November 23:30 is 05:30 UTC on the 2nd but Plano's 1st: outside.
    const planoVisit = at(plano, planoPt, planoPatient);
    await planoVisit('2026-11-01T23:30:00-06:00', { status: 'completed' });
    const planoMonday = await planoVisit('2026-11-02T09:00:00-06:00', { status: 'completed' });
    await planoVisit('2026-11-03T10:00:00-06:00', { status: 'booked' });
    // Wednesday 23:30 in Plano (05:30 UTC on Thursday) is Plano's Wednesday.
    const planoLate = await planoVisit('2026-11-04T23:30:00-06:00', { status: 'completed' });
    // Sunday 8 November 23:30 in Plano is 9 November in UTC, and inside the week.
    const planoSunday = await planoVisit('2026-11-08T23:30:00-06:00', { status: 'no_show' });

    // Working time: Scranton closed Wednesday, its therapist off Thursday 13:00-15:00.
    await t.db.query(
      `INSERT INTO location_closures (location_id, starts_on, ends_on, reason) VALUES ($1, '2026-11-04', '2026-11-04', 'Flooding')`,
      [scranton.id],
    );
    await t.db.query(
      `INSERT INTO therapist_time_off (therapist_id, starts_at, ends_at) VALUES ($1, '2026-11-05T13:00:00-05:00', '2026-11-05T15:00:00-05:00')`,
      [scrantonPt.id],
    );

    // Emails: reminders sent before Monday's series visit, the missed Friday one and Plano's
    // Monday (which also had a confirmation); Plano's Sunday reminder failed, its Wednesday one
    // was skipped; the evening visit and the moved one had none.
    const email = (
      appointmentId: string,
      patientId: string,
      status: 'sent' | 'failed' | 'skipped',
      when: string,
      kind: 'appointment_reminder' | 'appointment_confirmation' = 'appointment_reminder',
    ) => createEmail(t.db, { appointmentId, patientId, status, at: when, kind });
    await email(monday, seriesPatient, 'sent', '2026-11-01T09:00:00-05:00');
    await email(fridayMissed, seriesPatient, 'sent', '2026-11-05T09:00:00-05:00');
    await email(planoMonday, planoPatient, 'sent', '2026-11-01T09:00:00-06:00');
    await email(
      planoMonday,
      planoPatient,
      'sent',
      '2026-10-28T09:00:00-05:00',
      'appointment_confirmation',
    );
    await email(planoSunday, planoPatient, 'failed', '2026-11-07T23:30:00-06:00');
    await email(planoLate, planoPatient, 'skipped', '2026-11-03T23:30:00-06:00');
    // Plano's patient unsubscribed on Plano's Wednesday evening (Thursday in UTC); another
    // unsubscribe falls the week after.
    await createUnsubscribe(t.db, planoPatient, '2026-11-04T23:45:00-06:00');
    await createUnsubscribe(t.db, planoPatient, '2026-11-10T10:00:00-06:00');

    // Outcomes: three Plano discharges (one amended after signing), two at Scranton (fewer than
    // the minimum of three), one Plano ODI pair (one episode), one discharge the week after.
    const discharge = async (
      location: LocationRow,
      therapist: StaffUser,
      closedOn: string,
      intake: Record<string, number>,
      out: Record<string, number>,
      amended?: Record<string, number>,
    ) => {
      const scores = (values: Record<string, number>) =>
        Object.entries(values).map(([instrument, score]) => ({ instrument, score }));
      await createDischargedEpisode(t.db, {
        patientId: (await createPatient(t.db, location.id)).id,
        locationId: location.id,
        therapistId: therapist.id,
        openedOn: '2026-09-01',
        closedOn,
        intake: scores(intake),
        discharge: scores(out),
        amendedDischarge: amended && scores(amended),
      });
    };
    await discharge(
      plano,
      planoPt,
      '2026-11-02',
      { nprs: 8, psfs: 3, odi: 40 },
      { nprs: 3, psfs: 7, odi: 20 },
    );
    await discharge(
      plano,
      planoPt,
      '2026-11-04',
      { nprs: 6, psfs: 4 },
      { nprs: 5, psfs: 5 },
      { nprs: 4, psfs: 5 },
    );
    await discharge(plano, planoPt, '2026-11-08', { nprs: 7, psfs: 2 }, { nprs: 6, psfs: 5 });
    await discharge(scranton, scrantonPt, '2026-11-03', { nprs: 5 }, { nprs: 1 });
    await discharge(scranton, scrantonPt, '2026-11-06', { nprs: 9 }, { nprs: 2 });
    await discharge(plano, planoPt, '2026-11-09', { nprs: 9 }, { nprs: 0 });

    // Intake: a new Plano patient sent by a physician, evaluated the day the episode opened; a
    // returning Scranton patient (an episode last year) who came by themselves, evaluated a day
    // later.
    const newcomer = (await createPatient(t.db, plano.id)).id;
    await t.db.query(`UPDATE patients SET referral_source = 'physician' WHERE id = $1`, [newcomer]);
    await createOpenEpisode(t.db, {
      patientId: newcomer,
      locationId: plano.id,
      therapistId: planoPt.id,
      openedOn: '2026-11-03',
      evaluatedOn: '2026-11-03',
    });
    await createReferral(t.db, await episodeOf(t.db, newcomer, 'neck'), '2026-11-02', admin.id);
    const returning = (await createPatient(t.db, scranton.id)).id;
    await t.db.query(`UPDATE patients SET referral_source = 'self' WHERE id = $1`, [returning]);
    await createDischargedEpisode(t.db, {
      patientId: returning,
      locationId: scranton.id,
      therapistId: scrantonPt.id,
      openedOn: '2025-01-10',
      closedOn: '2025-03-01',
      intake: [],
      discharge: [],
    });
    await createOpenEpisode(t.db, {
      patientId: returning,
      locationId: scranton.id,
      therapistId: scrantonPt.id,
      openedOn: '2026-11-05',
      evaluatedOn: '2026-11-06',
    });
  });
  afterAll(() => t.close());

  const ratio = (numerator: number, denominator: number, value: number | null) => ({
    numerator,
    denominator,
    value,
  });

  describe('visits', () => {
    it('counts every visit of the week once, each on its clinic’s local day', async () => {
      const { body } = await get(`/reports/visits?${WEEK}`).expect(200);
      expect(body.totals.measures).toEqual({
        scheduled: 10,
        arrived: 5,
        cancelled: 2,
        lateCancelled: 1,
        noShows: 2,
        cancelledOrNoShow: 4,
        unexcused: 3,
        pending: 1,
      });
      expect(body.totals.ratios).toEqual({
        arrivalRate: ratio(5, 10, 0.5),
        cancelNoShowRate: ratio(4, 10, 0.4),
        unexcusedRate: ratio(3, 10, 0.3),
      });
      expect(body.rows).toHaveLength(1);
      expect(body.range).toEqual({ from: '2026-11-02', to: '2026-11-08' });
    });

    it('splits by clinic and local day: 23:30 in Plano is Plano’s day, a moved visit counts at its final time', async () => {
      const { body } = await get(`/reports/visits?${WEEK}&period=day&by=location`).expect(200);
      const cells = Object.fromEntries(
        body.rows.map(
          (row: { period: string; group: { label: string }; measures: { scheduled: number } }) => [
            `${row.group.label} ${row.period}`,
            row.measures.scheduled,
          ],
        ),
      );
      expect(cells).toEqual({
        'Plano 2026-11-02': 1,
        'Scranton 2026-11-02': 1,
        'Plano 2026-11-03': 1,
        'Scranton 2026-11-03': 1,
        'Plano 2026-11-04': 1,
        'Scranton 2026-11-04': 1,
        'Scranton 2026-11-05': 1,
        'Scranton 2026-11-06': 2,
        'Plano 2026-11-08': 1,
      });
      const friday = body.rows.find(
        (row: { period: string; group: { id: string } }) =>
          row.period === '2026-11-06' && row.group.id === scranton.id,
      );
      expect(friday.measures).toMatchObject({ arrived: 1, noShows: 1, scheduled: 2 });
    });

    it('splits by weekday and by local hour', async () => {
      const weekdays = (await get(`/reports/visits?${WEEK}&by=weekday`).expect(200)).body.rows;
      expect(
        weekdays.map(
          (row: { group: { id: string; label: string }; measures: { scheduled: number } }) => [
            row.group.id,
            row.group.label,
            row.measures.scheduled,
          ],
        ),
      ).toEqual([
        ['1', 'Monday', 2],
        ['2', 'Tuesday', 2],
        ['3', 'Wednesday', 2],
        ['4', 'Thursday', 1],
        ['5', 'Friday', 2],
        ['7', 'Sunday', 1],
      ]);
      const hours = (await get(`/reports/visits?${WEEK}&by=hour`).expect(200)).body.rows;
      expect(
        Object.fromEntries(
          hours.map((row: { group: { id: string }; measures: { scheduled: number } }) => [
            row.group.id,
            row.measures.scheduled,
          ]),
        ),
      ).toEqual({ '09': 4, '10': 2, '11': 1, '18': 1, '23': 2 });
    });

    it('groups by week and month, narrows by therapist and payer', async () => {
      const weekly = (await get(`/reports/visits?${WEEK}&period=week`).expect(200)).body.rows;
      expect(weekly.map((row: { period: string }) => row.period)).toEqual(['2026-11-02']);
      const monthly = (await get(`/reports/visits?${WEEK}&period=month&by=therapist`).expect(200))
        .body;
      expect(
        monthly.rows.map(
          (row: { period: string; group: { id: string }; measures: { scheduled: number } }) => [
            row.period,
            row.group.id,
            row.measures.scheduled,
          ],
        ),
      ).toEqual(
        expect.arrayContaining([
          ['2026-11', scrantonPt.id, 6],
          ['2026-11', planoPt.id, 4],
        ]),
      );
      const planoOnly = (await get(`/reports/visits?${WEEK}&therapistId=${planoPt.id}`).expect(200))
        .body;
      expect(planoOnly.totals.measures).toMatchObject({
        scheduled: 4,
        arrived: 2,
        noShows: 1,
        pending: 1,
      });
      const commercial = (await get(`/reports/visits?${WEEK}&payer=commercial`).expect(200)).body;
      expect(commercial.totals.measures.scheduled).toBe(4);
      const medicare = (await get(`/reports/visits?${WEEK}&payer=medicare,self_pay`).expect(200))
        .body;
      expect(medicare.totals.measures.scheduled).toBe(6);
    });
  });

  describe('utilisation', () => {
    it('sets booked minutes against working minutes, less the closure and the time off', async () => {
      const { body } = await get(`/reports/utilisation?${WEEK}&by=therapist`).expect(200);
      const byTherapist = Object.fromEntries(
        body.rows.map((row: { group: { id: string } }) => [row.group.id, row]),
      );
      expect(byTherapist[scrantonPt.id].measures).toEqual({
        workingMinutes: 540 * 3 + 420,
        bookedMinutes: 240,
        workingDays: 4,
        arrivedVisits: 3,
      });
      expect(byTherapist[scrantonPt.id].ratios).toEqual({
        utilisation: ratio(240, 2040, 0.1176),
        visitsPerWorkingDay: ratio(3, 4, 0.75),
      });
      expect(byTherapist[planoPt.id].measures).toEqual({
        workingMinutes: 2700,
        bookedMinutes: 240,
        workingDays: 5,
        arrivedVisits: 2,
      });
      expect(body.totals.ratios).toEqual({
        utilisation: ratio(480, 4740, 0.1013),
        visitsPerWorkingDay: ratio(5, 9, 0.56),
      });
    });

    it('refuses a split or a filter the figure does not have, naming the field', async () => {
      const byHour = await get(`/reports/utilisation?${WEEK}&by=hour`).expect(400);
      expect(byHour.body).toMatchObject({ code: 'report.invalid' });
      expect(byHour.body.errors).toEqual([
        {
          field: 'by',
          reason: 'the utilisation figure splits by location, therapist, weekday only',
        },
      ]);
      const payer = await get(`/reports/utilisation?${WEEK}&payer=medicare`).expect(400);
      expect(payer.body.errors).toEqual([
        { field: 'payer', reason: 'the utilisation figure has no payer' },
      ]);
    });
  });

  describe('rooms', () => {
    it('sets the places visits held against the places open, closures and retired rooms left out', async () => {
      await t.db.query(
        `INSERT INTO location_hours (location_id, weekday, opens, closes)
         SELECT $1, d, '08:00', '18:00' FROM generate_series(1, 5) d`,
        [scranton.id],
      );
      const { rows } = await t.db.query<{ id: string }>(
        `INSERT INTO resources (location_id, name, kind, capacity) VALUES ($1, 'Gym', 'gym', 2) RETURNING id`,
        [scranton.id],
      );
      await t.db.query(
        `INSERT INTO resources (location_id, name, kind, capacity, retired_at)
         VALUES ($1, 'Old gym', 'gym', 5, '2026-10-01T12:00:00Z')`,
        [scranton.id],
      );
      // Monday's series visit (completed), Wednesday's (cancelled) and Friday's (missed).
      await t.db.query(
        `UPDATE appointments SET resource_id = $2
          WHERE location_id = $1 AND starts_at IN ('2026-11-02T09:00:00-05:00', '2026-11-04T09:00:00-05:00', '2026-11-06T09:00:00-05:00')`,
        [scranton.id, rows[0].id],
      );
      const { body } = await get(`/reports/rooms?${WEEK}&by=location`).expect(200);
      // Four open days (Wednesday closed) of 600 minutes, 2 places.
      expect(body.totals.measures).toEqual({ placeMinutes: 4800, occupiedPlaceMinutes: 120 });
      expect(body.totals.ratios.occupancy).toEqual(ratio(120, 4800, 0.025));
      expect(body.rows.map((row: { group: { label: string } }) => row.group.label)).toEqual([
        'Scranton',
      ]);
    });
  });

  describe('intake', () => {
    it('counts episodes opened, new patients, initial evaluations and referral sources', async () => {
      const { body } = await get(`/reports/intake?${WEEK}&by=location`).expect(200);
      expect(body.totals.measures).toMatchObject({
        episodesOpened: 2,
        newPatients: 1,
        initialEvaluations: 2,
        referralPhysician: 1,
        referralSelf: 1,
        referralFriendOrFamily: 0,
        referralUnknown: 0,
        directAccessEpisodes: 1,
      });
      expect(body.totals.ratios.newPatientShare).toEqual(ratio(1, 2, 0.5));
      expect(body.totals.ratios.directAccessShare).toEqual(ratio(1, 2, 0.5));
      const byClinic = Object.fromEntries(
        body.rows.map((row: { group: { label: string }; measures: Record<string, number> }) => [
          row.group.label,
          [row.measures.episodesOpened, row.measures.newPatients, row.measures.initialEvaluations],
        ]),
      );
      expect(byClinic).toEqual({ Plano: [1, 1, 1], Scranton: [1, 0, 1] });
    });
  });

  describe('care', () => {
    it('counts the visits each discharged episode took', async () => {
      await t.db.query(
        `UPDATE appointments SET episode_id = (
           SELECT id FROM episodes_of_care WHERE location_id = $1 AND closed_on = '2026-11-04')
          WHERE location_id = $1 AND starts_at IN ('2026-11-02T09:00:00-06:00', '2026-11-04T23:30:00-06:00', '2026-11-08T23:30:00-06:00')`,
        [plano.id],
      );
      const { body } = await get(`/reports/care?${WEEK}&by=location`).expect(200);
      expect(body.totals.measures).toEqual({ dischargedEpisodes: 5, episodeVisits: 2 });
      expect(body.totals.ratios.visitsPerDischargedEpisode).toEqual(ratio(2, 5, 0.4));
      const planoRow = body.rows.find(
        (row: { group: { id: string } }) => row.group.id === plano.id,
      );
      expect(planoRow.ratios.visitsPerDischargedEpisode).toEqual(ratio(2, 3, 0.67));
    });
  });

  describe('patients to call', () => {
    it('lists open episodes with nothing booked ahead, longest gone first, in the caller’s clinics', async () => {
      await createOpenEpisode(t.db, {
        patientId: planoPatientId,
        locationId: plano.id,
        therapistId: planoPt.id,
        openedOn: '2026-10-01',
        bodyRegion: 'knee',
      });
      const bookedAhead = (await createPatient(t.db, scranton.id)).id;
      await createOpenEpisode(t.db, {
        patientId: bookedAhead,
        locationId: scranton.id,
        therapistId: scrantonPt.id,
        openedOn: '2026-11-01',
      });
      await createVisit(t.db, {
        typeId: visitType,
        locationId: scranton.id,
        therapistId: scrantonPt.id,
        patientId: bookedAhead,
        createdBy: admin.id,
        startsAt: '2036-01-07T09:00:00-05:00',
      });
      const { body } = await get('/reports/dropped-patients').expect(200);
      expect(
        body.items.map((item: { clinic: string; openedOn: string; lastVisitOn: string | null }) => [
          item.clinic,
          item.openedOn,
          item.lastVisitOn,
        ]),
      ).toEqual([
        ['Plano', '2026-11-03', null],
        ['Scranton', '2026-11-05', null],
        // Plano's last arrived visit was 23:30 on 4 November there, 5 November in UTC.
        ['Plano', '2026-10-01', '2026-11-04'],
      ]);
      expect(body.total).toBe(3);
      expect(body.items[2]).toMatchObject({ patientId: planoPatientId, firstName: 'Pat' });
      const clerks = (await get('/reports/dropped-patients', scrantonClerk).expect(200)).body;
      expect(clerks.items.map((item: { clinic: string }) => item.clinic)).toEqual(['Scranton']);
      await get(`/reports/dropped-patients?locationId=${plano.id}`, scrantonClerk).expect(404);
      const page = (await get('/reports/dropped-patients?limit=1&offset=1').expect(200)).body;
      expect(page).toMatchObject({ total: 3, limit: 1, offset: 1 });
      expect(page.items).toHaveLength(1);
    });
  });

  describe('referrals', () => {
    it('converts a referral when the patient comes, within 7 days and at all', async () => {
      // Plano's patient (knee episode opened in October) came on 2 November, the day of its
      // referral; the newcomer referred on 2 November has not come.
      await createReferral(
        t.db,
        await episodeOf(t.db, planoPatientId, 'knee'),
        '2026-11-02',
        admin.id,
      );
      const { body } = await get(`/reports/referrals?${WEEK}&by=location`).expect(200);
      expect(body.totals.measures).toEqual({ referrals: 2, arrivedWithin7Days: 1, arrived: 1 });
      expect(body.totals.ratios).toEqual({
        conversionWithin7Days: ratio(1, 2, 0.5),
        conversion: ratio(1, 2, 0.5),
      });
      expect(body.rows.map((row: { group: { label: string } }) => row.group.label)).toEqual([
        'Plano',
      ]);
    });
  });

  describe('outcomes', () => {
    it('gives the mean change and the MCID share per clinic, withholding cells under the minimum', async () => {
      const { body } = await get(`/reports/outcomes?${WEEK}&by=location`).expect(200);
      const planoRow = body.rows.find(
        (row: { group: { id: string } }) => row.group.id === plano.id,
      );
      expect(planoRow.measures).toMatchObject({
        nprsEpisodes: 3,
        nprsImprovementSum: 5 + 2 + 1,
        nprsReachedMcid: 2,
        psfsEpisodes: 3,
        psfsImprovementSum: 4 + 1 + 3,
        psfsReachedMcid: 2,
        odiEpisodes: null,
        ndiEpisodes: 0,
      });
      expect(planoRow.ratios.nprsMeanImprovement).toEqual(ratio(8, 3, 2.67));
      expect(planoRow.ratios.nprsMcidShare).toEqual(ratio(2, 3, 0.6667));
      expect(planoRow.ratios.psfsMcidShare).toEqual(ratio(2, 3, 0.6667));
      expect(planoRow.ratios.odiMeanImprovement).toEqual({
        numerator: null,
        denominator: null,
        value: null,
      });
      expect(planoRow.withheld).toEqual(['odi']);
      const scrantonRow = body.rows.find(
        (row: { group: { id: string } }) => row.group.id === scranton.id,
      );
      expect(scrantonRow.withheld).toEqual(['nprs']);
      expect(scrantonRow.measures.nprsEpisodes).toBeNull();
      expect(scrantonRow.ratios.nprsMcidShare.value).toBeNull();
      expect(body.totals.measures).toMatchObject({
        nprsEpisodes: 5,
        nprsImprovementSum: 19,
        nprsReachedMcid: 4,
      });
      expect(body.totals.ratios.nprsMeanImprovement).toEqual(ratio(19, 5, 3.8));
    });

    it('is for admins only', async () => {
      const refused = await get(`/reports/outcomes?${WEEK}`, scrantonClerk).expect(403);
      expect(refused.body).toMatchObject({ code: 'report.not_open' });
      await get(`/reports/outcomes?${WEEK}`, scrantonPt).expect(403);
    });
  });

  describe('reminders', () => {
    it('counts the emails about the week’s visits and compares no-shows with and without a reminder', async () => {
      const { body } = await get(`/reports/reminders?${WEEK}&by=location`).expect(200);
      expect(body.totals.measures).toEqual({
        emailsSent: 4,
        emailsFailed: 1,
        emailsSkipped: 1,
        unsubscribed: 1,
        remindedVisits: 3,
        remindedNoShows: 1,
        unremindedVisits: 4,
        unremindedNoShows: 1,
      });
      expect(body.totals.ratios).toEqual({
        remindedNoShowRate: ratio(1, 3, 0.3333),
        unremindedNoShowRate: ratio(1, 4, 0.25),
      });
      const planoRow = body.rows.find(
        (row: { group: { id: string } }) => row.group.id === plano.id,
      );
      expect(planoRow.measures).toMatchObject({ emailsSent: 2, unsubscribed: 1 });
    });
  });

  describe('CSV', () => {
    const lines = (text: string) =>
      text
        .trimEnd()
        .split('\n')
        .map((line) => line.split(','));

    it('streams a figure as CSV with the same numbers and a totals record', async () => {
      const response = await get(`/reports/visits.csv?${WEEK}&by=location`).expect(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        'attachment; filename="visits-2026-11-02-to-2026-11-08.csv"',
      );
      expect(lines(response.text)).toEqual([
        [
          'period',
          'group_id',
          'group',
          'scheduled',
          'arrived',
          'cancelled',
          'lateCancelled',
          'noShows',
          'cancelledOrNoShow',
          'unexcused',
          'pending',
          'arrivalRate',
          'cancelNoShowRate',
          'unexcusedRate',
          'withheld',
        ],
        ['', plano.id, 'Plano', '4', '2', '0', '0', '1', '1', '1', '1', '0.5', '0.25', '0.25', ''],
        [
          '',
          scranton.id,
          'Scranton',
          '6',
          '3',
          '2',
          '1',
          '1',
          '3',
          '2',
          '0',
          '0.5',
          '0.5',
          '0.3333',
          '',
        ],
        ['total', '', '', '10', '5', '2', '1', '2', '4', '3', '1', '0.5', '0.4', '0.3', ''],
      ]);
    });

    it('leaves withheld outcome cells empty', async () => {
      const response = await get(`/reports/outcomes.csv?${WEEK}&by=location`).expect(200);
      const [header, ...records] = lines(response.text);
      const scrantonRecord = records.find((record) => record[1] === scranton.id)!;
      expect(scrantonRecord[header.indexOf('nprsEpisodes')]).toBe('');
      expect(scrantonRecord[header.indexOf('withheld')]).toBe('nprs');
    });

    it('lists every visit once at its clinic’s local time, the moved one at its final time', async () => {
      const response = await get(`/reports/visits/appointments.csv?${WEEK}`).expect(200);
      const [header, ...records] = lines(response.text);
      expect(header).toEqual([
        'appointment_id',
        'clinic',
        'local_date',
        'local_time',
        'weekday',
        'minutes',
        'therapist_id',
        'therapist',
        'status',
        'late_cancellation',
        'series_id',
        'payer',
      ]);
      const visits = records.map((record) => [
        record[1],
        record[2],
        record[3],
        record[8],
        record[9],
      ]);
      expect(visits).toEqual([
        ['Plano', '2026-11-02', '09:00', 'completed', 'false'],
        ['Plano', '2026-11-03', '10:00', 'booked', 'false'],
        ['Plano', '2026-11-04', '23:30', 'completed', 'false'],
        ['Plano', '2026-11-08', '23:30', 'no_show', 'false'],
        ['Scranton', '2026-11-02', '09:00', 'completed', 'false'],
        ['Scranton', '2026-11-03', '10:00', 'completed', 'false'],
        ['Scranton', '2026-11-04', '09:00', 'cancelled', 'false'],
        ['Scranton', '2026-11-05', '11:00', 'cancelled', 'true'],
        ['Scranton', '2026-11-06', '09:00', 'no_show', 'false'],
        ['Scranton', '2026-11-06', '18:30', 'completed', 'false'],
      ]);
      expect(records.filter((record) => record[10] !== '')).toHaveLength(3);
      expect(new Set(records.map((record) => record[11]))).toEqual(
        new Set(['commercial', 'medicare']),
      );
    });

    it('refuses as the JSON does, with a problem before any CSV', async () => {
      const refused = await get(`/reports/outcomes.csv?${WEEK}`, scrantonClerk).expect(403);
      expect(refused.headers['content-type']).toMatch(/problem\+json/);
      const own = await get(`/reports/visits/appointments.csv?${WEEK}`, scrantonClerk).expect(200);
      expect(lines(own.text)).toHaveLength(1 + 6);
      const { rows } = await t.db.query(
        `SELECT action FROM audit_events WHERE entity_type = 'report' AND entity_id = 'visit-list' AND actor_user_id = $1`,
        [scrantonClerk.id],
      );
      expect(rows).toEqual([{ action: 'export' }]);
    });
  });

  describe('access and scoping', () => {
    it('shows front desk the operational figures of their own clinics only', async () => {
      const own = (await get(`/reports/visits?${WEEK}`, scrantonClerk).expect(200)).body;
      expect(own.totals.measures.scheduled).toBe(6);
      const other = await get(
        `/reports/visits?${WEEK}&locationId=${plano.id}`,
        scrantonClerk,
      ).expect(404);
      expect(other.body).toMatchObject({ code: 'location.not_found' });
      const planoView = (await get(`/reports/utilisation?${WEEK}`, planoPt).expect(200)).body;
      expect(planoView.totals.measures.workingMinutes).toBe(2700);
      const catalogue = (await get('/reports', scrantonClerk).expect(200)).body;
      expect(catalogue.map((figure: { key: string }) => figure.key)).toEqual([
        'visits',
        'utilisation',
        'rooms',
        'intake',
        'referrals',
        'first-contacts',
        'care',
        'plans',
        'billing',
        'reminders',
      ]);
    });

    it('answers 404 for an unknown clinic and 400 for a range backwards or over three years', async () => {
      await get(`/reports/visits?${WEEK}&locationId=00000000-0000-4000-8000-000000000000`).expect(
        404,
      );
      const backwards = await get('/reports/visits?from=2026-11-08&to=2026-11-02').expect(400);
      expect(backwards.body.errors).toEqual([{ field: 'to', reason: 'must be on or after from' }]);
      await get('/reports/visits?from=2020-01-01&to=2026-01-01').expect(400);
      const badDate = await get('/reports/visits?from=2026-02-30&to=2026-03-01').expect(400);
      expect(badDate.body.errors[0]).toMatchObject({ field: 'from' });
    });

    it('audits every read, with the filters and never patient data', async () => {
      await get(`/reports/visits?${WEEK}&by=location`, scrantonClerk).expect(200);
      const { rows } = await t.db.query(
        `SELECT actor_user_id, action, entity_id, details FROM audit_events
          WHERE entity_type = 'report' AND actor_user_id = $1 ORDER BY id DESC LIMIT 1`,
        [scrantonClerk.id],
      );
      expect(rows[0]).toMatchObject({
        action: 'read',
        entity_id: 'visits',
        details: { from: '2026-11-02', to: '2026-11-08', by: 'location' },
      });
    });
  });
});

describe('reports when REPORTS_STAFF_ACCESS is admins', () => {
  let t: TestApp;
  afterAll(() => t.close());

  it('refuses front desk and therapists every figure', async () => {
    t = await startTestApp({ env: { REPORTS_STAFF_ACCESS: 'admins' } });
    const clinic = await createLocation(t.db);
    const clerk = await createStaff(t.http, t.db, 'front_desk', [clinic.id]);
    const refused = await t.http
      .get('/reports/visits?from=2026-11-02&to=2026-11-08')
      .set('Authorization', clerk.authorization)
      .expect(403);
    expect(refused.body).toMatchObject({ code: 'report.not_open' });
    const catalogue = await t.http
      .get('/reports')
      .set('Authorization', clerk.authorization)
      .expect(200);
    expect(catalogue.body).toEqual([]);
  });
});
