import { DateTime } from 'luxon';
import {
  createLocation,
  createPatient,
  createStaff,
  type LocationRow,
  type StaffUser,
} from '../factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { localToday, nextSpringForward, nextWeekday, plusDays } from './calendar-dates';

const WEEKDAYS = [1, 2, 3, 4, 5];

describe('scheduling across locations', () => {
  let t: TestApp;
  let admin: StaffUser;
  let scranton: LocationRow;
  let plano: LocationRow;
  let allHours: LocationRow;
  let pt: StaffUser;
  let anytimePt: StaffUser;
  let pta: StaffUser;
  let planoPt: StaffUser;
  let scrantonClerk: StaffUser;
  let planoClerk: StaffUser;
  const types: Record<string, string> = {};

  const as = (user: StaffUser) => ({ Authorization: user.authorization });

  async function defineType(body: Record<string, unknown>): Promise<string> {
    const response = await t.http.post('/appointment-types').set(as(admin)).send(body).expect(201);
    return response.body.id as string;
  }

  async function therapist(
    credential: 'PT' | 'PTA',
    locations: LocationRow[],
    days = WEEKDAYS,
    licenceStates = [...new Set(locations.map((location) => location.state))],
  ) {
    const user = await createStaff(
      t.http,
      t.db,
      'therapist',
      locations.map((l) => l.id),
    );
    await t.http
      .put(`/therapists/${user.id}/profile`)
      .set(as(admin))
      // By default licensed where each of their clinics is, as the eligibility rule requires, and
      // holding the state's direct-access certificate, as the treatment gate asks in Pennsylvania.
      .send({
        credential,
        licenceStates,
        directAccessCertificates: licenceStates.map((state) => `US-${state}`),
      })
      .expect(200);
    await t.http
      .put(`/therapists/${user.id}/hours`)
      .set(as(admin))
      .send({
        windows: locations.flatMap((location) =>
          days.map((weekday) => ({
            locationId: location.id,
            weekday,
            starts: location === allHours ? '00:00' : '08:00',
            ends: location === allHours ? '23:59' : '17:00',
          })),
        ),
      })
      .expect(200);
    return user;
  }

  const book = (user: StaffUser, body: Record<string, unknown>) =>
    t.http.post('/appointments').set(as(user)).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createStaff(t.http, t.db, 'admin');
    scranton = await createLocation(t.db, { name: 'Scranton', timeZone: 'America/New_York' });
    plano = await createLocation(t.db, { name: 'Plano', state: 'TX', timeZone: 'America/Chicago' });
    allHours = await createLocation(t.db, { name: 'Always open', timeZone: 'America/New_York' });
    for (const location of [scranton, plano]) {
      await t.http
        .put(`/locations/${location.id}/hours`)
        .set(as(admin))
        .send({
          windows: WEEKDAYS.map((weekday) => ({ weekday, opens: '08:00', closes: '17:00' })),
        })
        .expect(200);
    }
    await t.http
      .put(`/locations/${allHours.id}/hours`)
      .set(as(admin))
      .send({
        windows: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
          weekday,
          opens: '00:00',
          closes: '23:59',
        })),
      })
      .expect(200);
    await t.http
      .post(`/locations/${scranton.id}/resources`)
      .set(as(admin))
      .send({ name: 'Pool', kind: 'pool', capacity: 4 })
      .expect(201);

    types.evaluation = await defineType({
      code: 'initial_evaluation',
      name: 'Initial evaluation',
      durationMinutes: 60,
      allowedCredentials: ['PT'],
    });
    types.followUp = await defineType({
      code: 'follow_up',
      name: 'Follow-up',
      durationMinutes: 45,
      allowedCredentials: ['PT', 'PTA'],
    });
    types.aquatic = await defineType({
      code: 'aquatic_class',
      name: 'Aquatic therapy class',
      durationMinutes: 45,
      resourceKind: 'pool',
      groupCapacity: 6,
      allowedCredentials: ['PT', 'PTA'],
    });
    types.inHome = await defineType({
      code: 'in_home',
      name: 'In-home visit',
      durationMinutes: 60,
      bufferAfterMinutes: 30,
      allowedCredentials: ['PT'],
    });

    pt = await therapist('PT', [scranton]);
    anytimePt = await therapist('PT', [allHours], [1, 2, 3, 4, 5, 6, 7]);
    pta = await therapist('PTA', [scranton]);
    planoPt = await therapist('PT', [plano]);
    scrantonClerk = await createStaff(t.http, t.db, 'front_desk', [scranton.id, allHours.id]);
    planoClerk = await createStaff(t.http, t.db, 'front_desk', [plano.id]);
  });
  afterAll(() => t.close());

  describe('availability', () => {
    it('lists slots in each location’s own wall-clock time, Eastern and Central side by side', async () => {
      const monday = nextWeekday(1);
      const { body } = await t.http
        .get(
          `/availability?appointmentTypeId=${types.followUp}&from=${monday}&to=${monday}&limit=100`,
        )
        .set(as(admin))
        .expect(200);
      const slots = body.items as Record<string, string>[];
      const first = (locationId: string, therapistId: string) =>
        slots.find((slot) => slot.locationId === locationId && slot.therapistId === therapistId);
      expect(first(scranton.id, pt.id)).toMatchObject({
        localStart: `${monday}T08:00`,
        timeZone: 'America/New_York',
      });
      expect(first(plano.id, planoPt.id)).toMatchObject({
        localStart: `${monday}T08:00`,
        timeZone: 'America/Chicago',
      });
      const offset = (zone: string) =>
        DateTime.fromISO(`${monday}T08:00`, { zone })
          .toUTC()
          .toISO({ suppressMilliseconds: false });
      expect(first(scranton.id, pt.id)?.startsAt).toBe(offset('America/New_York'));
      expect(first(plano.id, planoPt.id)?.startsAt).toBe(offset('America/Chicago'));
      // A 45-minute visit must end by 17:00: 08:00 to 16:15 every 15 minutes is 34 slots.
      const own = await t.http
        .get(
          `/availability?appointmentTypeId=${types.followUp}&from=${monday}&to=${monday}&therapistId=${pt.id}&locationId=${scranton.id}&limit=100`,
        )
        .set(as(admin))
        .expect(200);
      expect(own.body.total).toBe(34);
      expect(own.body.items[33].localStart).toBe(`${monday}T16:15`);
    });

    it('leaves out a booked slot with its buffers, and the PTA for an evaluation', async () => {
      const tuesday = nextWeekday(2);
      const patient = await createPatient(t.db, scranton.id);
      await book(scrantonClerk, {
        patientId: patient.id,
        appointmentTypeId: types.inHome,
        locationId: scranton.id,
        therapistId: pt.id,
        localStart: `${tuesday}T10:00`,
      }).expect(201);
      const { body } = await t.http
        .get(
          `/availability?appointmentTypeId=${types.evaluation}&from=${tuesday}&to=${tuesday}&locationId=${scranton.id}&limit=100`,
        )
        .set(as(scrantonClerk))
        .expect(200);
      const starts = body.items.map((slot: { localStart: string }) => slot.localStart.slice(11));
      expect(body.items.every((slot: { therapistId: string }) => slot.therapistId === pt.id)).toBe(
        true,
      );
      // Busy 10:00-11:30 with the travel buffer: 09:00 ends at 10:00 and fits, 09:15 does not, 11:30 does.
      expect(starts).toContain('09:00');
      expect(starts).not.toContain('09:15');
      expect(starts).not.toContain('11:15');
      expect(starts).toContain('11:30');
    });

    it('answers a clerk only for the clerk’s clinics', async () => {
      const monday = nextWeekday(1);
      const { body } = await t.http
        .get(`/availability?appointmentTypeId=${types.followUp}&from=${monday}&to=${monday}`)
        .set(as(planoClerk))
        .expect(200);
      expect(new Set(body.items.map((slot: { locationId: string }) => slot.locationId))).toEqual(
        new Set([plano.id]),
      );
    });
  });

  describe('booking', () => {
    it('lets exactly one of 50 simultaneous requests take a slot', async () => {
      const wednesday = nextWeekday(3);
      const patients = await Promise.all(
        Array.from({ length: 50 }, () => createPatient(t.db, scranton.id)),
      );
      const apiConnections = async () =>
        (
          await t.db.query<{ pid: number }>(
            `SELECT pid FROM pg_stat_activity
              WHERE datname = current_database() AND application_name = 'pt-practice'`,
          )
        ).rows.map((row) => row.pid);
      const connectionsBefore = await apiConnections();
      const responses = await Promise.all(
        patients.map((patient) =>
          book(scrantonClerk, {
            patientId: patient.id,
            appointmentTypeId: types.followUp,
            locationId: scranton.id,
            therapistId: pta.id,
            localStart: `${wednesday}T09:00`,
          }),
        ),
      );
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 201)).toHaveLength(1);
      expect(statuses.filter((status) => status === 409)).toHaveLength(49);
      const conflict = responses.find((response) => response.status === 409)!;
      expect(conflict.body).toMatchObject({
        code: 'appointment.therapist_double_booked',
        errors: [{ field: 'therapistId', reason: 'The therapist is already booked at that time' }],
      });
      const { rows } = await t.db.query(
        `SELECT count(*)::int AS overlaps FROM appointments a JOIN appointments b
            ON a.therapist_id = b.therapist_id AND a.id < b.id
           AND tstzrange(a.busy_from, a.busy_until) && tstzrange(b.busy_from, b.busy_until)
         WHERE a.status <> 'cancelled' AND b.status <> 'cancelled'`,
      );
      expect(rows[0].overlaps).toBe(0);
      // A refusal is an answer from the server, not a broken connection: the pool keeps them all.
      expect(await apiConnections()).toEqual(expect.arrayContaining(connectionsBefore));
    });

    it('refuses what availability would not offer', async () => {
      const thursday = nextWeekday(4);
      const patient = await createPatient(t.db, scranton.id);
      const base = {
        patientId: patient.id,
        locationId: scranton.id,
        therapistId: pt.id,
        appointmentTypeId: types.followUp,
      };
      const early = await book(scrantonClerk, { ...base, localStart: `${thursday}T07:30` }).expect(
        422,
      );
      expect(early.body.code).toBe('appointment.outside_hours');
      const late = await book(scrantonClerk, { ...base, localStart: `${thursday}T16:30` }).expect(
        422,
      );
      expect(late.body.code).toBe('appointment.outside_hours');
      const ptaEvaluation = await book(scrantonClerk, {
        ...base,
        therapistId: pta.id,
        appointmentTypeId: types.evaluation,
        localStart: `${thursday}T10:00`,
      }).expect(422);
      expect(ptaEvaluation.body).toMatchObject({
        code: 'appointment.credential_not_allowed',
        errors: [{ field: 'therapistId' }],
      });
      // A therapist of another of the clerk's clinics; one of a clinic the clerk does not work
      // at is refused as an unknown id (test/hardening/access.e2e-spec.ts).
      const elsewhere = await book(scrantonClerk, {
        ...base,
        therapistId: anytimePt.id,
        localStart: `${thursday}T10:00`,
      });
      expect(elsewhere.status).toBe(422);
      expect(elsewhere.body.code).toBe('appointment.therapist_not_at_location');

      // Assigned to Plano and working there, but licensed in Pennsylvania only.
      const paOnly = await therapist('PT', [plano], WEEKDAYS, ['PA']);
      const unlicensed = await book(admin, {
        ...base,
        locationId: plano.id,
        therapistId: paOnly.id,
        localStart: `${thursday}T10:00`,
      });
      expect(unlicensed.status).toBe(422);
      expect(unlicensed.body).toMatchObject({
        code: 'appointment.therapist_not_licensed',
        errors: [{ field: 'therapistId', reason: 'needs a licence in TX' }],
      });
      const offered = await t.http
        .get('/availability')
        .query({ appointmentTypeId: types.followUp, from: thursday, to: thursday, limit: 100 })
        .query(`locationId=${plano.id}`)
        .set(as(admin))
        .expect(200);
      const offeredTherapists = offered.body.items.map(
        (s: { therapistId: string }) => s.therapistId,
      );
      expect(offeredTherapists).toContain(planoPt.id);
      expect(offeredTherapists).not.toContain(paOnly.id);

      const friday = nextWeekday(5);
      await t.http
        .post(`/locations/${scranton.id}/closures`)
        .set(as(admin))
        .send({ startsOn: friday, endsOn: friday, reason: 'Snow day' })
        .expect(201);
      const closed = await book(scrantonClerk, { ...base, localStart: `${friday}T10:00` }).expect(
        422,
      );
      expect(closed.body).toMatchObject({
        code: 'appointment.location_closed',
        detail: expect.stringContaining('Snow day'),
      });

      const twice = await book(scrantonClerk, { ...base, localStart: `${thursday}T13:00` }).expect(
        201,
      );
      const samePatient = await book(scrantonClerk, {
        ...base,
        therapistId: pta.id,
        localStart: `${thursday}T13:15`,
      }).expect(409);
      expect(samePatient.body.errors).toEqual([
        { field: 'patientId', reason: 'The patient already has an appointment at that time' },
      ]);
      expect(twice.body.status).toBe('booked');
    });

    it('keeps a clerk to the clerk’s clinics', async () => {
      const patient = await createPatient(t.db, scranton.id);
      const response = await book(planoClerk, {
        patientId: patient.id,
        appointmentTypeId: types.followUp,
        locationId: scranton.id,
        therapistId: pt.id,
        localStart: `${nextWeekday(1)}T10:00`,
      }).expect(404);
      expect(response.body.code).toBe('location.not_found');
      await t.http
        .get(`/schedule?locationId=${scranton.id}&date=${nextWeekday(1)}`)
        .set(as(planoClerk))
        .expect(404);
    });

    it('fills the pool up to its capacity of 4', async () => {
      const monday = nextWeekday(1, 14);
      const patients = await Promise.all(
        Array.from({ length: 5 }, () => createPatient(t.db, scranton.id)),
      );
      const results = [];
      for (const patient of patients) {
        results.push(
          await book(scrantonClerk, {
            patientId: patient.id,
            appointmentTypeId: types.aquatic,
            locationId: scranton.id,
            therapistId: pta.id,
            localStart: `${monday}T11:00`,
          }),
        );
      }
      expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 409]);
      expect(results[4].body.code).toBe('appointment.resource_full');
    });

    it('refuses a wall-clock time the clocks skip, with a 400 naming it', async () => {
      const patient = await createPatient(t.db, allHours.id);
      const response = await book(scrantonClerk, {
        patientId: patient.id,
        appointmentTypeId: types.followUp,
        locationId: allHours.id,
        therapistId: anytimePt.id,
        localStart: `${nextSpringForward()}T02:30`,
      }).expect(400);
      expect(response.body).toMatchObject({
        code: 'appointment.nonexistent_local_time',
        errors: [{ field: 'localStart' }],
      });
    });

    it('holds treatment visits while the episode’s red-flag screen blocks them', async () => {
      const patient = await createPatient(t.db, scranton.id, { dateOfBirth: '1980-01-01' });
      const episode = await t.http
        .post(`/patients/${patient.id}/episodes`)
        .set(as(pt))
        .send({
          locationId: scranton.id,
          condition: 'Back pain',
          bodyRegion: 'lower_back',
          openedOn: localToday(),
        })
        .expect(201);
      await t.db.query(
        `INSERT INTO assessments (episode_id, kind, status, assessed_on, content, red_flag_screen, screen_disposition, created_by, signed_by, signed_at)
         VALUES ($1, 'initial_evaluation', 'signed', '2026-11-23', '{}', '{"disposition":"emergency","reasons":[]}', 'emergency', $2, $2, now())`,
        [episode.body.id, pt.id],
      );
      const response = await book(scrantonClerk, {
        patientId: patient.id,
        appointmentTypeId: types.followUp,
        locationId: scranton.id,
        therapistId: pt.id,
        episodeId: episode.body.id,
        localStart: `${nextWeekday(2, 14)}T15:00`,
      }).expect(409);
      expect(response.body.code).toBe('appointment.treatment_blocked');
    });

    it('applies intake’s red-flag hold to moves too, never to evaluations, and checks the episode is the patient’s', async () => {
      const reassessment = await defineType({
        code: `re_evaluation_${Date.now()}`,
        name: 'Re-evaluation',
        durationMinutes: 30,
        allowedCredentials: ['PT'],
        treatment: false,
      });
      const patient = await createPatient(t.db, scranton.id, { dateOfBirth: '1975-05-05' });
      const other = await createPatient(t.db, scranton.id, { dateOfBirth: '1990-02-02' });
      const episode = await t.http
        .post(`/patients/${patient.id}/episodes`)
        .set(as(pt))
        .send({
          locationId: scranton.id,
          condition: 'Back spasm',
          bodyRegion: 'lower_back',
          openedOn: localToday(),
        })
        .expect(201);
      const visit = {
        patientId: patient.id,
        appointmentTypeId: types.followUp,
        locationId: scranton.id,
        therapistId: pt.id,
        episodeId: episode.body.id,
      };
      // Booked while the episode had no assessment.
      const booked = await book(scrantonClerk, {
        ...visit,
        localStart: `${nextWeekday(3, 14)}T09:00`,
      }).expect(201);
      await t.db.query(
        `INSERT INTO assessments (episode_id, kind, status, assessed_on, content, red_flag_screen, screen_disposition, created_by, signed_by, signed_at)
         VALUES ($1, 'initial_evaluation', 'signed', '2026-11-24', '{}', '{"disposition":"emergency","reasons":[]}', 'emergency', $2, $2, now())`,
        [episode.body.id, pt.id],
      );
      const moved = await t.http
        .post(`/appointments/${booked.body.id}/reschedule`)
        .set(as(scrantonClerk))
        .send({ localStart: `${nextWeekday(3, 14)}T11:00` })
        .expect(409);
      expect(moved.body).toMatchObject({
        code: 'appointment.treatment_blocked',
        errors: [{ field: 'episodeId', reason: 'red-flag disposition emergency blocks treatment' }],
      });
      await book(scrantonClerk, {
        ...visit,
        appointmentTypeId: reassessment,
        localStart: `${nextWeekday(4, 14)}T09:00`,
      }).expect(201);
      // The hold answers first, whatever time was asked for, and refuses a series as a whole.
      const past = await book(scrantonClerk, {
        ...visit,
        startsAt: new Date(Date.now() - 86_400_000).toISOString(),
      }).expect(409);
      expect(past.body.code).toBe('appointment.treatment_blocked');
      const series = await t.http
        .post('/appointment-series')
        .set(as(scrantonClerk))
        .send({
          ...visit,
          localStart: `${nextWeekday(1, 21)}T09:00`,
          rrule: 'FREQ=WEEKLY;COUNT=3',
          onConflict: 'book_available',
        })
        .expect(409);
      expect(series.body).toMatchObject({
        code: 'appointment.treatment_blocked',
        errors: [{ field: 'episodeId' }],
      });
      const notTheirs = await book(scrantonClerk, {
        ...visit,
        patientId: other.id,
        appointmentTypeId: reassessment,
        localStart: `${nextWeekday(4, 14)}T11:00`,
      }).expect(404);
      expect(notTheirs.body).toMatchObject({
        code: 'episode.not_found',
        errors: [{ field: 'episodeId' }],
      });
    });
  });

  describe('recurring series', () => {
    it('stays at 09:00 local across the spring DST change', async () => {
      const change = nextSpringForward();
      const mondayBefore = DateTime.fromISO(change).minus({ days: 6 }).toISODate()!;
      const patient = await createPatient(t.db, allHours.id);
      const { body } = await t.http
        .post('/appointment-series')
        .set(as(scrantonClerk))
        .send({
          patientId: patient.id,
          appointmentTypeId: types.followUp,
          locationId: allHours.id,
          therapistId: anytimePt.id,
          localStart: `${mondayBefore}T09:00`,
          rrule: 'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=4',
          onConflict: 'book_none',
        })
        .expect(201);
      expect(body).toMatchObject({ booked: 4, conflicts: 0 });
      const offsets = body.occurrences.map((o: { localStart: string; startsAt: string }) => [
        o.localStart.slice(11),
        new Date(o.startsAt).getUTCHours(),
      ]);
      expect(offsets).toEqual([
        ['09:00', 14],
        ['09:00', 14],
        ['09:00', 13],
        ['09:00', 13],
      ]);
    });

    it('reports a conflict per occurrence and books the free ones, or none', async () => {
      const monday = nextWeekday(1, 21);
      const blocker = await createPatient(t.db, scranton.id);
      await book(scrantonClerk, {
        patientId: blocker.id,
        appointmentTypeId: types.followUp,
        locationId: scranton.id,
        therapistId: pt.id,
        localStart: `${plusDays(monday, 3)}T14:00`,
      }).expect(201);
      const patient = await createPatient(t.db, scranton.id);
      const series = {
        patientId: patient.id,
        appointmentTypeId: types.followUp,
        locationId: scranton.id,
        therapistId: pt.id,
        localStart: `${monday}T14:00`,
        rrule: 'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=4',
      };
      const none = await t.http
        .post('/appointment-series')
        .set(as(scrantonClerk))
        .send({ ...series, onConflict: 'book_none' })
        .expect(409);
      expect(none.body).toMatchObject({
        code: 'series.conflicts',
        errors: [{ field: 'occurrences[1]' }],
      });
      const { rows } = await t.db.query(
        'SELECT count(*)::int AS n FROM appointments WHERE patient_id = $1',
        [patient.id],
      );
      expect(rows[0].n).toBe(0);

      const some = await t.http
        .post('/appointment-series')
        .set(as(scrantonClerk))
        .send({ ...series, onConflict: 'book_available' })
        .expect(201);
      expect(some.body).toMatchObject({ booked: 3, conflicts: 1 });
      expect(some.body.occurrences[1]).toMatchObject({
        outcome: 'conflict',
        conflict: { code: 'appointment.therapist_double_booked' },
      });

      const cancelled = await t.http
        .post(`/appointments/${some.body.occurrences[2].appointmentId}/cancel-following`)
        .set(as(scrantonClerk))
        .send({ reason: 'Patient moving away' })
        .expect(200);
      expect(cancelled.body.map((a: { status: string }) => a.status)).toEqual([
        'cancelled',
        'cancelled',
      ]);
    });
  });

  describe('lifecycle', () => {
    async function bookSoon(hoursAhead: number) {
      const patient = await createPatient(t.db, allHours.id);
      const start = DateTime.now()
        .setZone('America/New_York')
        .plus({ hours: hoursAhead })
        .startOf('hour');
      const response = await book(scrantonClerk, {
        patientId: patient.id,
        appointmentTypeId: types.followUp,
        locationId: allHours.id,
        therapistId: anytimePt.id,
        startsAt: start.toUTC().toISO(),
      }).expect(201);
      return response.body.id as string;
    }

    it('moves through confirm, check-in and complete, and refuses illegal steps with 409', async () => {
      const id = await bookSoon(50);
      await t.http.post(`/appointments/${id}/complete`).set(as(scrantonClerk)).expect(409);
      await t.http.post(`/appointments/${id}/confirm`).set(as(scrantonClerk)).expect(200);
      const early = await t.http
        .post(`/appointments/${id}/no-show`)
        .set(as(scrantonClerk))
        .expect(409);
      expect(early.body.code).toBe('appointment.not_started');
      const tooEarly = await t.http
        .post(`/appointments/${id}/check-in`)
        .set(as(scrantonClerk))
        .expect(409);
      expect(tooEarly.body.code).toBe('appointment.check_in_too_early');
      // The day comes: check-in opens an hour before the start.
      await t.db.query(
        `UPDATE appointments SET starts_at = now() + interval '30 min', ends_at = now() + interval '75 min',
                busy_from = now() + interval '30 min', busy_until = now() + interval '75 min'
          WHERE id = $1`,
        [id],
      );
      await t.http.post(`/appointments/${id}/check-in`).set(as(scrantonClerk)).expect(200);
      const done = await t.http
        .post(`/appointments/${id}/complete`)
        .set(as(scrantonClerk))
        .expect(200);
      expect(done.body.status).toBe('completed');
      const illegal = await t.http
        .post(`/appointments/${id}/cancel`)
        .set(as(scrantonClerk))
        .send({ reason: 'x' })
        .expect(409);
      expect(illegal.body).toMatchObject({
        code: 'appointment.illegal_transition',
        detail: 'A completed appointment cannot be cancelled',
      });
    });

    it('flags a cancellation under 24 hours as late, and one days ahead as not', async () => {
      const soon = await bookSoon(3);
      const later = await bookSoon(80);
      const lateCancel = await t.http
        .post(`/appointments/${soon}/cancel`)
        .set(as(scrantonClerk))
        .send({ reason: 'Sick' })
        .expect(200);
      expect(lateCancel.body).toMatchObject({
        status: 'cancelled',
        lateCancellation: true,
        cancelReason: 'Sick',
      });
      const earlyCancel = await t.http
        .post(`/appointments/${later}/cancel`)
        .set(as(scrantonClerk))
        .send({ reason: 'Travel' })
        .expect(200);
      expect(earlyCancel.body.lateCancellation).toBe(false);
    });

    it('moves an appointment and keeps its history', async () => {
      const id = await bookSoon(60);
      const original = (await t.http.get(`/appointments/${id}`).set(as(scrantonClerk)).expect(200))
        .body;
      const target = DateTime.fromISO(original.startsAt).plus({ hours: 2 }).toUTC().toISO();
      const moved = await t.http
        .post(`/appointments/${id}/reschedule`)
        .set(as(scrantonClerk))
        .send({ startsAt: target })
        .expect(200);
      expect(new Date(moved.body.startsAt).toISOString()).toBe(new Date(target!).toISOString());
      const history = await t.http
        .get(`/appointments/${id}/history`)
        .set(as(scrantonClerk))
        .expect(200);
      expect(history.body.map((event: { action: string }) => event.action)).toEqual([
        'book',
        'reschedule',
      ]);
      expect(history.body[1].fromStartsAt).toBe(original.startsAt);
      const day = (
        await t.http
          .get(`/schedule?locationId=${allHours.id}&date=${moved.body.localStart.slice(0, 10)}`)
          .set(as(scrantonClerk))
          .expect(200)
      ).body;
      expect(day.map((a: { id: string }) => a.id)).toContain(id);
    });
  });
});
