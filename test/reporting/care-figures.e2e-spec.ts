import type { StaffUser } from '../factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { buildCareWeek } from './care-week';

/**
 * The plans-of-care, billing and first-contact figures over a week built by hand (Monday 2 to
 * Sunday 8 November 2026) and the week after: Scranton in New York (UTC-5) and Plano in Chicago
 * (UTC-6). Every number below is counted from the rows care-week.ts writes.
 */
describe('plans of care, billing and first contacts over hand-built weeks in two time zones', () => {
  let t: TestApp;
  let admin: StaffUser;
  let scrantonPt: StaffUser;
  let planoPt: StaffUser;
  let scrantonClerk: StaffUser;
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
    ({ admin, scrantonPt, planoPt, scrantonClerk } = await buildCareWeek(t));
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
    it('counts the types an admin said are first contacts and initial evaluations', async () => {
      const { body } = await get('/appointment-types').expect(200);
      expect(
        Object.fromEntries(
          body.map((type: { code: string; purpose: string }) => [type.code, type.purpose]),
        ),
      ).toMatchObject({ free_screen: 'first_contact', evaluation: 'initial_evaluation' });
    });

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
        // Ben's and Fay's plans are under-scheduled but ended in November: re-evaluated, not booked.
        Ben: ['nothing_booked_ahead', null],
        Cal: ['nothing_booked_ahead', null],
        Dot: ['nothing_booked_ahead', { held: 1, wanted: 2 }],
        Eve: ['nothing_booked_ahead', null],
        Fay: ['nothing_booked_ahead', null],
        Gus: ['nothing_booked_ahead', null],
        Hal: ['nothing_booked_ahead', null],
        Lou: ['under_scheduled', { held: 1, wanted: 6 }],
      });
      expect(body.items.at(-1).firstName).toBe('Lou');
      expect(body.total).toBe(9);
    });
  });
});
