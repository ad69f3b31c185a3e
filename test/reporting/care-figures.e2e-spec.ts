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
  createEpisode,
  createFee,
  createPlan,
  createVisitRecord,
  type PlanInput,
} from './care-data';
import { createVisit, createVisitType, setPayer, type VisitInput } from './report-data';

/**
 * The plans-of-care, billing and first-contact figures over a week built by hand (Monday 2 to
 * Sunday 8 November 2026) and the week after: Scranton in New York (UTC-5) and Plano in Chicago
 * (UTC-6). Every number below is counted from the rows written in beforeAll.
 */
describe('plans of care, billing and first contacts over hand-built weeks in two time zones', () => {
  let t: TestApp;
  let scranton: LocationRow;
  let plano: LocationRow;
  let admin: StaffUser;
  let scrantonPt: StaffUser;
  let planoPt: StaffUser;
  let scrantonClerk: StaffUser;
  const patients: Record<string, string> = {};
  const WEEK = 'from=2026-11-02&to=2026-11-08';

  const get = (path: string, user: StaffUser = admin) =>
    t.http.get(path).set('Authorization', user.authorization);
  const ratio = (numerator: number, denominator: number, value: number | null) => ({
    numerator,
    denominator,
    value,
  });
  const cells = (
    rows: { period: string | null; group: { label: string }; measures: Record<string, number> }[],
    keys: string[],
  ) =>
    Object.fromEntries(
      rows.map((row) => [
        [row.group.label, row.period].filter(Boolean).join(' '),
        keys.map((key) => row.measures[key]),
      ]),
    );

  beforeAll(async () => {
    t = await startTestApp();
    scranton = await createLocation(t.db, { name: 'Scranton' });
    plano = await createLocation(t.db, { name: 'Plano', state: 'TX', timeZone: 'America/Chicago' });
    admin = await createStaff(t.http, t.db, 'admin');
    scrantonPt = await createTherapist(t.http, t.db, admin, scranton);
    planoPt = await createTherapist(t.http, t.db, admin, plano);
    scrantonClerk = await createStaff(t.http, t.db, 'front_desk', [scranton.id]);
    const treatment = await createVisitType(t.db);
    const typeFor = async (code: string, purpose: string) => {
      const { body } = await t.http
        .post('/appointment-types')
        .set('Authorization', admin.authorization)
        .send({
          code,
          name: code,
          durationMinutes: 30,
          allowedCredentials: ['PT'],
          treatment: false,
          purpose,
        })
        .expect(201);
      expect(body.purpose).toBe(purpose);
      return body.id as string;
    };
    const painAssessment = await typeFor('free_screen', 'first_contact');
    const evaluation = await typeFor('evaluation', 'initial_evaluation');

    const clinicOf = { scranton: () => scranton, plano: () => plano };
    const therapistOf = { scranton: () => scrantonPt, plano: () => planoPt };
    const patient = async (name: string, clinic: 'scranton' | 'plano', payer = 'commercial') => {
      patients[name] = (await createPatient(t.db, clinicOf[clinic]().id, { firstName: name })).id;
      await setPayer(t.db, patients[name], payer);
      return patients[name];
    };
    const visit = (
      name: string,
      clinic: 'scranton' | 'plano',
      startsAt: string,
      more: Partial<VisitInput> = {},
    ) =>
      createVisit(t.db, {
        typeId: treatment,
        locationId: clinicOf[clinic]().id,
        therapistId: therapistOf[clinic]().id,
        patientId: patients[name],
        createdBy: admin.id,
        startsAt,
        status: 'completed',
        ...more,
      });
    /** A patient with an open episode and a plan of care written by the clinic's therapist. */
    const planFor = async (
      name: string,
      clinic: 'scranton' | 'plano',
      payer: string,
      plan: Omit<PlanInput, 'episodeId' | 'author'>,
      visits: [string, VisitInput['status']][] = [],
    ) => {
      await patient(name, clinic, payer);
      const episodeId = await createEpisode(t.db, {
        patientId: patients[name],
        locationId: clinicOf[clinic]().id,
        therapistId: therapistOf[clinic]().id,
        openedOn: plan.writtenAt.slice(0, 10),
      });
      await createPlan(t.db, { ...plan, episodeId, author: therapistOf[clinic]().id });
      for (const [startsAt, status] of visits) {
        await visit(name, clinic, startsAt, { status, episodeId });
      }
    };

    // Plans of care. Ann's was completed on Tuesday at Scranton.
    await planFor('Ann', 'scranton', 'medicare', {
      writtenAt: '2026-10-01T09:00:00-04:00',
      startDate: '2026-10-01',
      endDate: '2026-11-30',
      frequencyPerWeek: 2,
      durationWeeks: 4,
      changes: [
        { to: 'active', at: '2026-10-01T10:00:00-04:00' },
        { to: 'completed', at: '2026-11-03T15:00:00-05:00' },
      ],
    });
    // Ben's was put on hold on Plano's Wednesday evening (Thursday in UTC) and resumed on
    // Friday: active at the end, 2 visits held of the 4 prescribed (the missed one not counted).
    await planFor(
      'Ben',
      'plano',
      'commercial',
      {
        writtenAt: '2026-10-30T09:00:00-05:00',
        startDate: '2026-11-02',
        endDate: '2026-11-15',
        frequencyPerWeek: 2,
        durationWeeks: 2,
        changes: [
          { to: 'active', at: '2026-10-30T10:00:00-05:00' },
          { to: 'on_hold', at: '2026-11-04T23:30:00-06:00' },
          { to: 'active', at: '2026-11-06T09:00:00-06:00' },
        ],
      },
      [
        ['2026-11-02T09:00:00-06:00', 'completed'],
        ['2026-11-05T09:00:00-06:00', 'no_show'],
        ['2026-11-09T09:00:00-06:00', 'completed'],
      ],
    );
    // Cal's was discontinued at 23:30 on Plano's Sunday, 05:30 UTC on Monday: in the week, and
    // no longer active at its end (midnight in Plano).
    await planFor('Cal', 'plano', 'commercial', {
      writtenAt: '2026-10-20T09:00:00-05:00',
      startDate: '2026-10-20',
      endDate: '2026-12-01',
      frequencyPerWeek: 1,
      durationWeeks: 6,
      changes: [
        { to: 'active', at: '2026-10-20T10:00:00-05:00' },
        { to: 'discontinued', at: '2026-11-08T23:30:00-06:00' },
      ],
    });
    // Dot's: 1 visit held of 2 (the cancelled one not counted): under-scheduled.
    await planFor(
      'Dot',
      'scranton',
      'medicare',
      {
        writtenAt: '2026-10-15T09:00:00-04:00',
        startDate: '2026-11-02',
        endDate: '2026-11-15',
        frequencyPerWeek: 1,
        durationWeeks: 2,
        changes: [{ to: 'active', at: '2026-10-15T10:00:00-04:00' }],
      },
      [
        ['2026-11-03T10:00:00-05:00', 'completed'],
        ['2026-11-05T10:00:00-05:00', 'cancelled'],
      ],
    );
    // Eve's prescribes 6 but 2 are authorised, and both are held: fully booked.
    await planFor(
      'Eve',
      'scranton',
      'commercial',
      {
        writtenAt: '2026-10-26T09:00:00-04:00',
        startDate: '2026-11-02',
        endDate: '2026-11-15',
        frequencyPerWeek: 3,
        durationWeeks: 2,
        visitsAuthorised: 2,
        changes: [{ to: 'active', at: '2026-10-26T10:00:00-04:00' }],
      },
      [
        ['2026-11-02T11:00:00-05:00', 'completed'],
        ['2026-11-04T11:00:00-05:00', 'completed'],
      ],
    );
    // Fay's is written and signed the week after, with nothing booked.
    await planFor('Fay', 'scranton', 'commercial', {
      writtenAt: '2026-11-09T09:00:00-05:00',
      startDate: '2026-11-09',
      endDate: '2026-11-22',
      frequencyPerWeek: 1,
      durationWeeks: 1,
      changes: [{ to: 'active', at: '2026-11-09T12:00:00-05:00' }],
    });
    // Gus's, fully booked, is completed the week after.
    await planFor(
      'Gus',
      'plano',
      'commercial',
      {
        writtenAt: '2026-10-26T09:00:00-05:00',
        startDate: '2026-11-02',
        endDate: '2026-11-08',
        frequencyPerWeek: 1,
        durationWeeks: 1,
        changes: [
          { to: 'active', at: '2026-10-26T10:00:00-05:00' },
          { to: 'completed', at: '2026-11-10T09:00:00-06:00' },
        ],
      },
      [['2026-11-03T09:00:00-06:00', 'completed']],
    );
    // Hal's is a draft, never signed.
    await planFor('Hal', 'scranton', 'commercial', {
      writtenAt: '2026-11-03T09:00:00-05:00',
      startDate: '2026-11-03',
      endDate: '2026-11-30',
      frequencyPerWeek: 2,
      durationWeeks: 4,
      changes: [],
    });
    // Lou has one visit booked ahead of the 6 an active plan prescribes; Max has his one.
    await planFor(
      'Lou',
      'scranton',
      'commercial',
      {
        writtenAt: '2026-11-30T09:00:00-05:00',
        startDate: '2026-11-30',
        endDate: '2036-12-31',
        frequencyPerWeek: 3,
        durationWeeks: 2,
        changes: [{ to: 'active', at: '2026-11-30T10:00:00-05:00' }],
      },
      [['2036-01-07T09:00:00-05:00', 'booked']],
    );
    await planFor(
      'Max',
      'scranton',
      'commercial',
      {
        writtenAt: '2026-11-30T09:00:00-05:00',
        startDate: '2026-11-30',
        endDate: '2036-12-31',
        frequencyPerWeek: 1,
        durationWeeks: 1,
        changes: [{ to: 'active', at: '2026-11-30T10:00:00-05:00' }],
      },
      [['2036-01-08T09:00:00-05:00', 'booked']],
    );

    // Billing: Scranton's Medicare fees (97110 dearer from Thursday 5 November), Plano's
    // commercial 97110; Plano has no fee for the evaluation 97161.
    const fee = (location: LocationRow, payer: string, code: string, from: string, cents: number) =>
      createFee(t.db, { locationId: location.id, payer, code, from, cents, by: admin.id });
    await fee(scranton, 'medicare', '97110', '2026-01-01', 3000);
    await fee(scranton, 'medicare', '97110', '2026-11-05', 3200);
    await fee(scranton, 'medicare', '97140', '2026-01-01', 3500);
    await fee(plano, 'commercial', '97110', '2026-01-01', 4000);
    const recorded = async (
      name: string,
      clinic: 'scranton' | 'plano',
      startsAt: string,
      serviceDate: string,
      payer: string,
      lines: { code: string; units: number; minutes?: number; outcome?: string }[],
    ) =>
      createVisitRecord(t.db, {
        appointmentId: await visit(name, clinic, startsAt),
        serviceDate,
        payer,
        deliveredBy: therapistOf[clinic]().id,
        lines,
      });
    await recorded('Ann', 'scranton', '2026-11-02T13:00:00-05:00', '2026-11-02', 'medicare', [
      { code: '97110', units: 2, minutes: 30 },
      { code: '97140', units: 1, minutes: 15 },
      { code: '97010', units: 0, outcome: 'medicare_bundled' },
    ]);
    await recorded('Dot', 'scranton', '2026-11-06T18:30:00-05:00', '2026-11-06', 'medicare', [
      { code: '97110', units: 3, minutes: 45 },
    ]);
    // 23:30 on Plano's Sunday is Monday in UTC: its service date is Plano's.
    await recorded('Ben', 'plano', '2026-11-08T23:30:00-06:00', '2026-11-08', 'commercial', [
      { code: '97161', units: 1 },
      { code: '97110', units: 1, minutes: 15 },
    ]);
    await recorded('Ben', 'plano', '2026-11-09T13:00:00-06:00', '2026-11-09', 'commercial', [
      { code: '97110', units: 1, minutes: 15 },
    ]);

    // First contacts: free pain assessments and initial evaluations.
    const contact = async (
      name: string,
      clinic: 'scranton' | 'plano',
      payer: string,
      assessedAt: string,
      status: VisitInput['status'],
      later: [string, string, VisitInput['status']][] = [],
    ) => {
      await patient(name, clinic, payer);
      await visit(name, clinic, assessedAt, { typeId: painAssessment, status });
      for (const [startsAt, typeId, laterStatus] of later) {
        await visit(name, clinic, startsAt, { typeId, status: laterStatus });
      }
    };
    // Monday at Scranton, evaluated on Friday: within 7 days.
    await contact('Ida', 'scranton', 'commercial', '2026-11-02T17:00:00-05:00', 'completed', [
      ['2026-11-06T09:00:00-05:00', evaluation, 'completed'],
    ]);
    // Plano's Wednesday 23:30 (Thursday in UTC), evaluated at 00:30 on Plano's Thursday 12th: 8
    // days later in Plano (7 by the UTC dates), so converted but not within 7 days.
    await contact('Jon', 'plano', 'medicare', '2026-11-04T23:30:00-06:00', 'completed', [
      ['2026-11-12T00:30:00-06:00', evaluation, 'completed'],
    ]);
    // Tuesday at Plano, then a treatment visit and a cancelled evaluation: not converted.
    await contact('Kim', 'plano', 'commercial', '2026-11-03T10:00:00-06:00', 'completed', [
      ['2026-11-05T10:00:00-06:00', treatment, 'completed'],
      ['2026-11-06T10:00:00-06:00', evaluation, 'cancelled'],
    ]);
    // A missed assessment, and one on the Sunday before the week.
    await contact('Liv', 'scranton', 'commercial', '2026-11-05T10:00:00-05:00', 'no_show');
    await contact('Mia', 'scranton', 'commercial', '2026-11-01T10:00:00-05:00', 'completed', [
      ['2026-11-03T09:00:00-05:00', evaluation, 'completed'],
    ]);
  });
  afterAll(() => t.close());

  describe('plans of care', () => {
    const PLAN_KEYS = [
      'plansCompleted',
      'plansDiscontinued',
      'plansPutOnHold',
      'activePlansAtEnd',
      'underScheduledPlans',
    ];

    it('counts the week’s transitions on each clinic’s local dates, and the plans standing at its end', async () => {
      const { body } = await get(`/reports/plans?${WEEK}&by=location`).expect(200);
      expect(body.totals.measures).toEqual({
        plansCompleted: 1,
        plansDiscontinued: 1,
        plansPutOnHold: 1,
        activePlansAtEnd: 4,
        underScheduledPlans: 2,
      });
      expect(body.totals.ratios.underScheduledShare).toEqual(ratio(2, 4, 0.5));
      expect(cells(body.rows, PLAN_KEYS)).toEqual({
        Plano: [0, 1, 1, 2, 1],
        Scranton: [1, 0, 0, 2, 1],
      });
      const byDay = (await get(`/reports/plans?${WEEK}&period=day&by=location`).expect(200)).body;
      const transitions = byDay.rows
        .filter(
          (row: { measures: Record<string, number> }) =>
            row.measures.plansCompleted +
              row.measures.plansDiscontinued +
              row.measures.plansPutOnHold >
            0,
        )
        .map(
          (row: { period: string; group: { label: string } }) => `${row.group.label} ${row.period}`,
        );
      expect(transitions).toEqual(['Scranton 2026-11-03', 'Plano 2026-11-04', 'Plano 2026-11-08']);
    });

    it('totals a count at the period’s end as it stands at the end of the range, not week upon week', async () => {
      const { body } = await get(`/reports/plans?from=2026-11-02&to=2026-11-15&period=week`).expect(
        200,
      );
      expect(
        cells(
          body.rows.map((row: object) => ({ ...row, group: { label: '' } })),
          PLAN_KEYS,
        ),
      ).toEqual({
        '2026-11-02': [1, 1, 1, 4, 2],
        // Gus's completed, Fay's signed with nothing booked.
        '2026-11-09': [1, 0, 0, 4, 3],
      });
      expect(body.totals.measures).toEqual({
        plansCompleted: 2,
        plansDiscontinued: 1,
        plansPutOnHold: 1,
        activePlansAtEnd: 4,
        underScheduledPlans: 3,
      });
      expect(body.totals.ratios.underScheduledShare).toEqual(ratio(3, 4, 0.75));
    });

    it('splits by the therapist who wrote the plan and narrows by payer', async () => {
      const { body } = await get(`/reports/plans?${WEEK}&by=therapist`).expect(200);
      const byTherapist = Object.fromEntries(
        body.rows.map((row: { group: { id: string }; measures: Record<string, number> }) => [
          row.group.id,
          PLAN_KEYS.map((key) => row.measures[key]),
        ]),
      );
      expect(byTherapist).toEqual({
        [scrantonPt.id]: [1, 0, 0, 2, 1],
        [planoPt.id]: [0, 1, 1, 2, 1],
      });
      const medicare = (await get(`/reports/plans?${WEEK}&payer=medicare`).expect(200)).body;
      expect(medicare.totals.measures).toEqual({
        plansCompleted: 1,
        plansDiscontinued: 0,
        plansPutOnHold: 0,
        activePlansAtEnd: 1,
        underScheduledPlans: 1,
      });
      const byWeekday = await get(`/reports/plans?${WEEK}&by=weekday`).expect(400);
      expect(byWeekday.body.errors).toEqual([
        { field: 'by', reason: 'the plans figure splits by location, therapist only' },
      ]);
    });

    it('shows front desk their own clinic’s plans, and serves the same as CSV', async () => {
      const own = (await get(`/reports/plans?${WEEK}`, scrantonClerk).expect(200)).body;
      expect(own.totals.measures).toMatchObject({ plansCompleted: 1, activePlansAtEnd: 2 });
      const csv = await get(`/reports/plans.csv?${WEEK}`).expect(200);
      expect(csv.headers['content-disposition']).toBe(
        'attachment; filename="plans-2026-11-02-to-2026-11-08.csv"',
      );
      expect(csv.text.trimEnd().split('\n')).toEqual([
        'period,group_id,group,plansCompleted,plansDiscontinued,plansPutOnHold,activePlansAtEnd,underScheduledPlans,underScheduledShare,withheld',
        ',,,1,1,1,4,2,0.5,',
        'total,,,1,1,1,4,2,0.5,',
      ]);
    });
  });

  describe('billing', () => {
    it('sets billed units against recorded visits and prices them as the superbills do', async () => {
      const { body } = await get(`/reports/billing?${WEEK}`).expect(200);
      expect(body.totals.measures).toMatchObject({
        recordedVisits: 3,
        billedUnits: 8,
        units97110: 6,
        units97140: 1,
        units97161: 1,
        units97010: 0,
        unitsG0283: 0,
        chargedCents: 2 * 3000 + 3500 + 3 * 3200 + 4000,
        chargedCentsMedicare: 9500 + 9600,
        chargedCentsCommercial: 4000,
        chargedCentsSelfPay: 0,
        unpricedLines: 1,
      });
      expect(body.totals.ratios).toEqual({
        unitsPerVisit: ratio(8, 3, 2.67),
        chargedCentsPerVisit: ratio(23100, 3, 7700),
      });
    });

    it('splits by clinic and local day, and narrows by payer', async () => {
      const { body } = await get(`/reports/billing?${WEEK}&period=day&by=location`).expect(200);
      expect(cells(body.rows, ['recordedVisits', 'billedUnits', 'chargedCents'])).toEqual({
        'Scranton 2026-11-02': [1, 3, 9500],
        'Scranton 2026-11-06': [1, 3, 9600],
        'Plano 2026-11-08': [1, 2, 4000],
      });
      const commercial = (await get(`/reports/billing?${WEEK}&payer=commercial`).expect(200)).body;
      expect(commercial.totals.measures).toMatchObject({ recordedVisits: 1, billedUnits: 2 });
      expect(commercial.totals.ratios.unitsPerVisit).toEqual(ratio(2, 1, 2));
    });
  });

  describe('first contacts', () => {
    it('converts a free pain assessment when the patient comes to an initial evaluation, counted in the clinic’s dates', async () => {
      const { body } = await get(`/reports/first-contacts?${WEEK}&by=location`).expect(200);
      expect(body.totals.measures).toEqual({
        firstContacts: 3,
        evaluatedWithin7Days: 1,
        evaluated: 2,
      });
      expect(body.totals.ratios).toEqual({
        conversionWithin7Days: ratio(1, 3, 0.3333),
        conversion: ratio(2, 3, 0.6667),
      });
      expect(cells(body.rows, ['firstContacts', 'evaluatedWithin7Days', 'evaluated'])).toEqual({
        Plano: [2, 0, 1],
        Scranton: [1, 1, 1],
      });
    });

    it('splits by the clinic’s weekday and narrows by payer', async () => {
      const weekdays = (await get(`/reports/first-contacts?${WEEK}&by=weekday`).expect(200)).body;
      expect(
        weekdays.rows.map(
          (row: { group: { label: string }; measures: { firstContacts: number } }) => [
            row.group.label,
            row.measures.firstContacts,
          ],
        ),
      ).toEqual([
        ['Monday', 1],
        ['Tuesday', 1],
        ['Wednesday', 1],
      ]);
      const medicare = (await get(`/reports/first-contacts?${WEEK}&payer=medicare`).expect(200))
        .body;
      expect(medicare.totals.measures).toEqual({
        firstContacts: 1,
        evaluatedWithin7Days: 0,
        evaluated: 1,
      });
    });
  });

  describe('patients to call', () => {
    it('adds the patients booked ahead but fewer times than their plan of care prescribes', async () => {
      const { body } = await get('/reports/dropped-patients?limit=50').expect(200);
      const byName = Object.fromEntries(
        body.items.map((item: { firstName: string; reason: string; plan: object | null }) => [
          item.firstName,
          [item.reason, item.plan],
        ]),
      );
      expect(byName).toEqual({
        Ann: ['nothing_booked_ahead', null],
        Ben: ['nothing_booked_ahead', { held: 2, wanted: 4 }],
        Cal: ['nothing_booked_ahead', null],
        Dot: ['nothing_booked_ahead', { held: 1, wanted: 2 }],
        Eve: ['nothing_booked_ahead', null],
        Fay: ['nothing_booked_ahead', { held: 0, wanted: 1 }],
        Gus: ['nothing_booked_ahead', null],
        Hal: ['nothing_booked_ahead', null],
        Lou: ['under_scheduled', { held: 1, wanted: 6 }],
      });
      expect(body.items.at(-1).firstName).toBe('Lou');
      expect(body.total).toBe(9);
    });
  });
});
