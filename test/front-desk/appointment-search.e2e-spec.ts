import { nextWeekday, plusDays } from '../scheduling/calendar-dates';
import { startTestApp, type TestApp } from '../support/test-app';
import { as, type FrontDeskClinic, frontDeskClinic } from './clinic';

describe('GET /appointments: one search across clinics', () => {
  let t: TestApp;
  let c: FrontDeskClinic;
  let monday: string;
  const ids: Record<string, string> = {};

  const search = (query: string, user = c.admin) =>
    t.http.get(`/appointments?${query}`).set(as(user));

  beforeAll(async () => {
    t = await startTestApp();
    c = await frontDeskClinic(t);
    monday = nextWeekday(1, 14);
    const book = async (
      name: string,
      location: 'scranton' | 'plano',
      patientId: string,
      localStart: string,
    ) => {
      const { body } = await t.http
        .post('/appointments')
        .set(as(c.admin))
        .send({
          patientId,
          appointmentTypeId: c.followUp,
          locationId: c[location].id,
          therapistId: location === 'scranton' ? c.dana.id : c.omar.id,
          localStart,
        })
        .expect(201);
      ids[name] = body.id as string;
    };
    await book('scrantonMonday', 'scranton', c.maria.id, `${monday}T09:00`);
    await book('scrantonWednesday', 'scranton', c.maria.id, `${plusDays(monday, 2)}T09:00`);
    await book('scrantonNextMonday', 'scranton', c.maria.id, `${plusDays(monday, 7)}T09:00`);
    await book('planoMonday', 'plano', c.jonas.id, `${monday}T10:00`);
    // 18:15 in Plano on Sunday is Monday 00:15 UTC: it belongs to Sunday, Plano's local day.
    await book('planoSundayEvening', 'plano', c.jonas.id, `${plusDays(monday, 6)}T18:15`);
    await t.http
      .post(`/appointments/${ids.scrantonWednesday}/cancel`)
      .set(as(c.admin))
      .send({ reason: 'Car trouble' })
      .expect(200);
  });
  afterAll(() => t.close());

  it('counts a week’s visits at each clinic in one call per clinic, on local days', async () => {
    const week = `from=${monday}&to=${plusDays(monday, 6)}`;
    const scranton = await search(`${week}&locationId=${c.scranton.id}`).expect(200);
    const plano = await search(`${week}&locationId=${c.plano.id}`).expect(200);
    expect(scranton.body.total).toBe(2);
    expect(plano.body.total).toBe(2);
    expect(plano.body.items.map((item: { id: string }) => item.id)).toEqual([
      ids.planoMonday,
      ids.planoSundayEvening,
    ]);
    const both = await search(`${week}&locationId=${c.scranton.id},${c.plano.id}`).expect(200);
    expect(both.body.total).toBe(4);
  });

  it('filters by status, therapist, patient and type, sorts and pages', async () => {
    const cancelled = await search(`status=cancelled&therapistId=${c.dana.id}`).expect(200);
    expect(cancelled.body.items).toEqual([
      expect.objectContaining({
        id: ids.scrantonWednesday,
        status: 'cancelled',
        patientName: 'Maria Lopez',
        therapistName: 'Dana Whitfield',
      }),
    ]);
    const open = await search(`status=booked&status=confirmed&patientId=${c.maria.id}`).expect(200);
    expect(open.body.items.map((item: { id: string }) => item.id)).toEqual([
      ids.scrantonMonday,
      ids.scrantonNextMonday,
    ]);
    const latestFirst = await search(
      `appointmentTypeId=${c.followUp}&sort=-startsAt&limit=2&offset=1`,
    ).expect(200);
    expect(latestFirst.body).toMatchObject({ total: 5, limit: 2, offset: 1 });
    expect(latestFirst.body.items.map((item: { id: string }) => item.id)).toEqual([
      ids.planoSundayEvening,
      ids.scrantonWednesday,
    ]);
  });

  it('shows a clerk only their clinics, and audits each appointment read', async () => {
    const { body } = await search('limit=100', c.scrantonClerk).expect(200);
    expect(body.total).toBe(3);
    expect(
      body.items.every((item: { locationId: string }) => item.locationId === c.scranton.id),
    ).toBe(true);
    const planoOnly = await search(`locationId=${c.plano.id}`, c.scrantonClerk).expect(200);
    expect(planoOnly.body.total).toBe(0);
    await search(`patientId=${c.jonas.id}`, c.scrantonClerk).expect(404);
    const { rows } = await t.db.query(
      `SELECT entity_id FROM audit_events
        WHERE actor_user_id = $1 AND entity_type = 'appointment' AND details->>'via' = 'search'`,
      [c.scrantonClerk.id],
    );
    expect(rows.map((row: { entity_id: string }) => row.entity_id).sort()).toEqual(
      [ids.scrantonMonday, ids.scrantonWednesday, ids.scrantonNextMonday].sort(),
    );
  });

  it('names the field of a bad filter', async () => {
    const range = await search(`from=${monday}&to=${plusDays(monday, -1)}`).expect(400);
    expect(range.body).toMatchObject({
      code: 'appointment.search_bad_range',
      errors: [{ field: 'to', reason: 'must be on or after from' }],
    });
    const status = await search('status=booked,lost').expect(400);
    expect(status.body.errors).toEqual([
      expect.objectContaining({ field: 'status', reason: expect.stringContaining('one of') }),
    ]);
    const date = await search('from=2026-02-30').expect(400);
    expect(date.body.errors).toEqual([
      expect.objectContaining({ field: 'from', reason: 'from must be a real calendar date' }),
    ]);
    await search('sort=name').expect(400);
  });
});
