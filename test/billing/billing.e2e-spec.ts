import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { createLocation, createStaff, createTherapist, type StaffUser } from '../factories';
import { binaryBody, pdfText } from '../support/pdf-text';
import { startTestApp, type TestApp } from '../support/test-app';

const ZONE = 'America/New_York';
const CLINIC_NPI = '1245319599';
const PT_NPI = '1679576722';
const REFERRER_NPI = '1234567893';

describe('billing: visit records, units, modifiers and superbills', () => {
  let t: TestApp;
  let admin: StaffUser;
  let pt: StaffUser;
  let pta: StaffUser;
  let clerk: StaffUser;
  let otherClerk: StaffUser;
  let locationId: string;
  let typeId: string;
  const as = (user: StaffUser) => ({ Authorization: user.authorization });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createStaff(t.http, t.db, 'admin');
    const location = await createLocation(t.db, { name: 'Scranton Spine', timeZone: ZONE });
    const elsewhere = await createLocation(t.db, { name: 'Plano', timeZone: 'America/Chicago' });
    locationId = location.id;
    pt = await createTherapist(t.http, t.db, admin, location, { fullName: 'Maria Lopez' });
    pta = await createTherapist(t.http, t.db, admin, location, {
      credential: 'PTA',
      fullName: 'Sam Ortiz',
    });
    clerk = await createStaff(t.http, t.db, 'front_desk', [location.id]);
    otherClerk = await createStaff(t.http, t.db, 'front_desk', [elsewhere.id]);
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO appointment_types (code, name, duration_minutes, allowed_credentials, treatment)
       VALUES ($1, 'Treatment', 60, ARRAY['PT', 'PTA'], true) RETURNING id`,
      [`bill_${randomUUID().slice(0, 8)}`],
    );
    typeId = rows[0].id;

    await t.http
      .put(`/billing/locations/${locationId}`)
      .set(as(admin))
      .send({ placeOfService: '11', billingNpi: CLINIC_NPI })
      .expect(200);
    await t.http
      .put(`/billing/therapists/${pt.id}/npi`)
      .set(as(admin))
      .send({ npi: PT_NPI })
      .expect(200);
    const fees = (charges: Record<string, number>) =>
      Object.entries(charges).map(([code, chargeCents]) => ({ code, chargeCents }));
    const base = { '97110': 4000, '97140': 4500, '97116': 4200, '97035': 2000, '97530': 4400 };
    for (const payer of ['medicare', 'commercial']) {
      await t.http
        .put(`/billing/fee-schedules/${locationId}/${payer}`)
        .set(as(admin))
        .send({ effectiveFrom: '2026-01-01', fees: fees(base) })
        .expect(200);
    }
    // From June a (deliberately dear) exercise unit makes the KX threshold reachable in 3 visits.
    await t.http
      .put(`/billing/fee-schedules/${locationId}/medicare`)
      .set(as(admin))
      .send({ effectiveFrom: '2026-06-01', fees: fees({ '97110': 120_000 }) })
      .expect(200);
  });
  afterAll(() => t.close());

  async function patientWithEpisode(payer: string) {
    const patient = await t.http
      .post('/patients')
      .set(as(clerk))
      .send({
        firstName: 'Dana',
        lastName: `Kowalski${randomUUID().slice(0, 6)}`,
        dateOfBirth: '1951-04-09',
        payer,
        homeLocationId: locationId,
      })
      .expect(201);
    const episode = await t.http
      .post(`/patients/${patient.body.id}/episodes`)
      .set(as(pt))
      .send({
        locationId,
        condition: 'Low back spasm',
        bodyRegion: 'lower_back',
        openedOn: '2026-02-20',
      })
      .expect(201);
    await t.http
      .post(`/episodes/${episode.body.id}/referrals`)
      .set(as(clerk))
      .send({
        providerName: 'Dr. Ana Reyes',
        profession: 'physician',
        npi: REFERRER_NPI,
        referredOn: '2026-02-18',
        diagnosisCode: 'M62.830',
      })
      .expect(201);
    return { patientId: patient.body.id as string, episodeId: episode.body.id as string };
  }

  /** A visit of the past, written as scheduling writes it (the API refuses past times). */
  async function visit(
    care: { patientId: string; episodeId: string },
    startsAt: string,
    status: 'booked' | 'checked_in' | 'completed' = 'completed',
    therapistId = pt.id,
  ): Promise<string> {
    const id = randomUUID();
    await t.db.query(
      `INSERT INTO appointments (id, appointment_type_id, location_id, therapist_id, patient_id, episode_id,
         status, starts_at, ends_at, busy_from, busy_until, session_key, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz, $8::timestamptz + interval '1 hour',
         $8::timestamptz, $8::timestamptz + interval '1 hour', $1, $9)`,
      [
        id,
        typeId,
        locationId,
        therapistId,
        care.patientId,
        care.episodeId,
        status,
        startsAt,
        admin.id,
      ],
    );
    return id;
  }

  const record = (id: string, body: object, user = pt) =>
    t.http.put(`/appointments/${id}/visit-record`).set(as(user)).send(body);
  const WORKED_EXAMPLE = [
    { cpt: '97110', minutes: 18 },
    { cpt: '97140', minutes: 13 },
    { cpt: '97116', minutes: 10 },
    { cpt: '97035', minutes: 8 },
  ];

  describe('a Medicare patient’s year', () => {
    let care: { patientId: string; episodeId: string };
    const visits: string[] = [];

    beforeAll(async () => {
      care = await patientWithEpisode('medicare');
    });

    it('completing a visit and recording the worked example bills 3 units, 97035 not billed', async () => {
      const id = await visit(care, '2026-03-02T09:00:00-05:00', 'checked_in');
      const early = await record(id, { services: WORKED_EXAMPLE, note: 'Too early' }).expect(409);
      expect(early.body.code).toBe('billing.visit_not_completed');
      await t.http.post(`/appointments/${id}/complete`).set(as(clerk)).expect(200);
      const recorded = await record(id, {
        services: WORKED_EXAMPLE,
        note: 'Lumbar mobilisation; gait drills; tolerated well.',
      }).expect(200);
      expect(recorded.body).toMatchObject({
        serviceDate: '2026-03-02',
        payer: 'medicare',
        unitRule: 'eight_minute',
        timedMinutes: 49,
        totalUnits: 3,
        revision: 1,
        deliveredBy: { userId: pt.id, fullName: 'Maria Lopez', credential: 'PT' },
      });
      expect(
        recorded.body.lines.map((l: { cpt: string; units: number }) => [l.cpt, l.units]),
      ).toEqual([
        ['97110', 1],
        ['97140', 1],
        ['97116', 1],
        ['97035', 0],
      ]);
      visits.push(id);
    });

    it('a second recording is an amendment: it needs a reason, and the history and audit keep it', async () => {
      const [id] = visits;
      const refused = await record(id, { services: WORKED_EXAMPLE, note: 'Again' }).expect(409);
      expect(refused.body.code).toBe('billing.amendment_reason_required');
      const amended = await record(id, {
        services: WORKED_EXAMPLE,
        note: 'Lumbar mobilisation; gait drills; tolerated well. HEP reviewed.',
        amendmentReason: 'Note completed from the flowsheet',
      }).expect(200);
      expect(amended.body.revision).toBe(2);
      const { rows } = await t.db.query(
        `SELECT reason, previous->>'note' AS note FROM visit_record_amendments WHERE visit_record_id = $1`,
        [amended.body.id],
      );
      expect(rows).toEqual([
        {
          reason: 'Note completed from the flowsheet',
          note: 'Lumbar mobilisation; gait drills; tolerated well.',
        },
      ]);
      const audit = await t.db.query<{ action: string }>(
        `SELECT action FROM audit_events WHERE entity_type = 'visit_record' AND entity_id = $1 ORDER BY id`,
        [amended.body.id],
      );
      expect(audit.rows.map((row) => row.action)).toEqual(['create', 'update']);
    });

    it('names what is wrong in a recording: a timed code without minutes, an unknown code, a non-therapist', async () => {
      const id = await visit(care, '2026-03-04T09:00:00-05:00');
      const noMinutes = await record(id, { services: [{ cpt: '97140' }], note: 'x' }).expect(400);
      expect(noMinutes.body.errors).toEqual([
        { field: 'services[0].minutes', reason: '97140 is timed: give its one-on-one minutes' },
      ]);
      const unknown = await record(id, {
        services: [{ cpt: '99213', minutes: 10 }],
        note: 'x',
      }).expect(400);
      expect(unknown.body.errors[0].field).toBe('services[0].cpt');
      const clerkDelivered = await record(id, {
        services: [{ cpt: '97110', minutes: 10 }],
        note: 'x',
        deliveredBy: clerk.id,
      }).expect(400);
      expect(clerkDelivered.body.errors[0].field).toBe('deliveredBy');
      await record(id, { services: [{ cpt: '97110', minutes: 10 }], note: 'x' }, clerk).expect(403);
      await t.db.query(
        `UPDATE appointments SET status = 'cancelled', cancel_reason = 'patient_request', late_cancellation = false, cancelled_at = now() WHERE id = $1`,
        [id],
      );
    });

    it('the visit’s superbill: clinic, therapist and referrer with NPIs, place of service, diagnosis, GP lines and charges', async () => {
      const superbill = await t.http
        .get(`/appointments/${visits[0]}/superbill`)
        .set(as(clerk))
        .expect(200);
      expect(superbill.body).toMatchObject({
        scope: 'visit',
        billingProvider: { name: 'Scranton Spine', npi: CLINIC_NPI },
        patient: { payer: 'medicare' },
        referringProvider: { name: 'Dr. Ana Reyes', npi: REFERRER_NPI, source: 'referral' },
        diagnoses: [{ pointer: 1, code: 'M62.830' }],
        totalUnits: 3,
        totalCents: 4000 + 4500 + 4200,
        kxThresholdCents: 248_000,
      });
      const [only] = superbill.body.visits;
      expect(only).toMatchObject({
        serviceDate: '2026-03-02',
        placeOfService: '11',
        renderingProvider: { fullName: 'Maria Lopez', credential: 'PT', npi: PT_NPI },
        medicareYearToDateCents: 0,
      });
      expect(
        only.lines.map((l: { code: string; modifiers: string[]; chargeCents: number }) => [
          l.code,
          l.modifiers,
          l.chargeCents,
        ]),
      ).toEqual([
        ['97110', ['GP'], 4000],
        ['97140', ['GP'], 4500],
        ['97116', ['GP'], 4200],
      ]);
      const audit = await t.db.query(
        `SELECT patient_id FROM audit_events WHERE entity_type = 'superbill' AND entity_id = $1 AND action = 'read'`,
        [visits[0]],
      );
      expect(audit.rows).toEqual([{ patient_id: care.patientId }]);
      await t.http.get(`/appointments/${visits[0]}/superbill`).set(as(otherClerk)).expect(404);
    });

    it('KX from the line that carries the year past $2,480, 59 on 97530 with 97140, CQ for an assistant', async () => {
      const june = await visit(care, '2026-06-02T09:00:00-04:00', 'completed', pta.id);
      await record(
        june,
        { services: WORKED_EXAMPLE, note: 'PTA visit', deliveredBy: pta.id },
        admin,
      ).expect(200);
      const later = await visit(care, '2026-06-03T09:00:00-04:00');
      const recorded = await record(later, {
        services: [
          { cpt: '97110', minutes: 20 },
          { cpt: '97140', minutes: 10 },
          { cpt: '97530', minutes: 15 },
        ],
        note: 'Therapeutic activities in a separate block',
      }).expect(200);
      expect(recorded.body.lines.map((l: { units: number }) => l.units)).toEqual([1, 1, 1]);
      visits.push(june, later);

      const before = await t.http.get(`/appointments/${june}/superbill`).set(as(clerk)).expect(200);
      expect(before.body.visits[0].lines.map((l: { modifiers: string[] }) => l.modifiers)).toEqual([
        ['CQ', 'GP'],
        ['CQ', 'GP'],
        ['CQ', 'GP'],
      ]);
      expect(before.body.visits[0].medicareYearToDateCents).toBe(12_700);
      const past = await t.http.get(`/appointments/${later}/superbill`).set(as(clerk)).expect(200);
      // 12,700 + 128,700 before the visit; its 97110 unit (120,000) carries the year over 248,000.
      expect(past.body.visits[0].medicareYearToDateCents).toBe(141_400);
      expect(
        past.body.visits[0].lines.map((l: { code: string; modifiers: string[] }) => [
          l.code,
          l.modifiers,
        ]),
      ).toEqual([
        ['97110', ['GP', 'KX']],
        ['97140', ['GP', 'KX']],
        ['97530', ['59', 'GP', 'KX']],
      ]);
    });

    it('the episode’s superbill as JSON, as CSV and as PDF', async () => {
      const json = await t.http
        .get(`/episodes/${care.episodeId}/superbill`)
        .set(as(clerk))
        .expect(200);
      expect(json.body.visits.map((v: { appointmentId: string }) => v.appointmentId)).toEqual(
        visits,
      );
      expect(json.body.totalUnits).toBe(9);
      expect(json.body.totalCents).toBe(12_700 + 128_700 + 120_000 + 4500 + 4400);

      const csv = await t.http
        .get(`/episodes/${care.episodeId}/superbill.csv`)
        .set(as(clerk))
        .expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const rows: Record<string, string>[] = parse(csv.text, { columns: true });
      expect(rows).toHaveLength(10);
      expect(rows[0]).toMatchObject({
        service_date: '2026-03-02',
        place_of_service: '11',
        rendering_provider: 'Maria Lopez, PT',
        rendering_npi: PT_NPI,
        code: '97110',
        modifiers: 'GP',
        units: '1',
        minutes: '18',
        diagnosis_pointers: '1',
        charge: '40.00',
      });
      expect(rows[8]).toMatchObject({ code: '97530', modifiers: '59 GP KX' });
      expect(rows[9]).toMatchObject({ service_date: 'total', units: '9', charge: '2703.00' });

      const pdf = await t.http
        .get(`/episodes/${care.episodeId}/superbill.pdf`)
        .set(as(clerk))
        .buffer(true)
        .parse(binaryBody)
        .expect(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = await pdfText(pdf.body as Buffer);
      for (const expected of [
        'Superbill',
        'Scranton Spine',
        `NPI ${CLINIC_NPI}`,
        `Dr. Ana Reyes (physician) NPI ${REFERRER_NPI}`,
        'M62.830',
        'Place of service 11',
        '97110-GP-KX',
        '97530-59-GP-KX',
        '97110-CQ-GP',
        'Total units 9',
        '$2703.00',
      ]) {
        expect(text.replace(/\s+/g, ' ')).toContain(expected);
      }
    });
  });

  describe('a commercial payer on the midpoint rule', () => {
    it('bills each timed code by its own minutes, with no Medicare modifiers', async () => {
      const refused = await t.http
        .put('/billing/payers/medicare')
        .set(as(admin))
        .send({ unitRule: 'midpoint' })
        .expect(400);
      expect(refused.body.errors[0].field).toBe('unitRule');
      await t.http
        .put('/billing/payers/commercial')
        .set(as(admin))
        .send({ unitRule: 'midpoint' })
        .expect(200);
      const care = await patientWithEpisode('commercial');
      const id = await visit(care, '2026-03-05T10:00:00-05:00');
      const recorded = await record(id, {
        services: WORKED_EXAMPLE,
        note: 'Commercial visit',
      }).expect(200);
      expect(recorded.body).toMatchObject({ unitRule: 'midpoint', totalUnits: 4 });
      const superbill = await t.http
        .get(`/appointments/${id}/superbill`)
        .set(as(clerk))
        .expect(200);
      expect(
        superbill.body.visits[0].lines.map((l: { modifiers: string[] }) => l.modifiers),
      ).toEqual([[], [], [], []]);
      expect(superbill.body.totalCents).toBe(4000 + 4500 + 4200 + 2000);
      expect(superbill.body.kxThresholdCents).toBeNull();
    });

    it('refuses a superbill whose codes the fee schedule does not price, naming them', async () => {
      const care = await patientWithEpisode('workers_compensation');
      const id = await visit(care, '2026-03-06T10:00:00-05:00');
      await record(id, { services: [{ cpt: '97110', minutes: 30 }], note: 'Work injury' }).expect(
        200,
      );
      const refused = await t.http.get(`/appointments/${id}/superbill`).set(as(clerk)).expect(409);
      expect(refused.body).toMatchObject({
        code: 'billing.fee_not_set',
        errors: [
          { field: 'fees', reason: 'no charge for 97110 (workers_compensation) on 2026-03-06' },
        ],
      });
    });
  });
});
