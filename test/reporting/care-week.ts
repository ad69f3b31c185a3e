import {
  createLocation,
  createPatient,
  createStaff,
  createTherapist,
  type LocationRow,
  type StaffUser,
} from '../factories';
import type { TestApp } from '../support/test-app';
import {
  createEpisode,
  createFee,
  createPlan,
  createVisitRecord,
  type PlanInput,
} from './care-data';
import { createVisit, createVisitType, setPayer, type VisitInput } from './report-data';

export interface CareWeek {
  scranton: LocationRow;
  plano: LocationRow;
  admin: StaffUser;
  scrantonPt: StaffUser;
  planoPt: StaffUser;
  scrantonClerk: StaffUser;
}

/**
 * Plans of care, visit records and first contacts of the week of Monday 2 to Sunday 8 November
 * 2026 and the week after, built by hand at Scranton (New York, UTC-5) and Plano (Chicago, UTC-6):
 * what care-figures.e2e-spec counts. Patients are told apart by first name.
 */
export async function buildCareWeek(t: TestApp): Promise<CareWeek> {
  const scranton = await createLocation(t.db, { name: 'Scranton' });
  const plano = await createLocation(t.db, {
    name: 'Plano',
    state: 'TX',
    timeZone: 'America/Chicago',
  });
  const admin = await createStaff(t.http, t.db, 'admin');
  const scrantonPt = await createTherapist(t.http, t.db, admin, scranton);
  const planoPt = await createTherapist(t.http, t.db, admin, plano);
  const scrantonClerk = await createStaff(t.http, t.db, 'front_desk', [scranton.id]);
  const patients: Record<string, string> = {};
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
  // Dot's, running for years: 1 visit held of 2 (the cancelled one not counted): under-scheduled.
  await planFor(
    'Dot',
    'scranton',
    'medicare',
    {
      writtenAt: '2026-10-15T09:00:00-04:00',
      startDate: '2026-11-02',
      endDate: '2036-12-31',
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
  return { scranton, plano, admin, scrantonPt, planoPt, scrantonClerk };
}
