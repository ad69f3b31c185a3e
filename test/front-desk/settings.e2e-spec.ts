import { nextWeekday, plusDays } from '../scheduling/calendar-dates';
import { startTestApp, type TestApp } from '../support/test-app';
import { as, type FrontDeskClinic, frontDeskClinic } from './clinic';

describe('every setting readable and removable', () => {
  let t: TestApp;
  let c: FrontDeskClinic;

  const audited = async (entityType: string, entityId: string) =>
    (
      await t.db.query(
        `SELECT action FROM audit_events WHERE entity_type = $1 AND entity_id = $2 ORDER BY id`,
        [entityType, entityId],
      )
    ).rows.map((row: { action: string }) => row.action);

  beforeAll(async () => {
    t = await startTestApp();
    c = await frontDeskClinic(t);
  });
  afterAll(() => t.close());

  it('a clerk reads the opening hours; a clerk of another clinic gets 404', async () => {
    const { body } = await t.http
      .get(`/locations/${c.scranton.id}/hours`)
      .set(as(c.scrantonClerk))
      .expect(200);
    expect(body.windows).toHaveLength(7);
    expect(body.windows[0]).toEqual({ weekday: 1, opens: '07:00', closes: '19:00' });
    await t.http.get(`/locations/${c.scranton.id}/hours`).set(as(c.planoClerk)).expect(404);
  });

  it('a closure is listed, removed by an admin (audited), and the day is bookable again', async () => {
    const day = nextWeekday(2);
    const { body: closure } = await t.http
      .post(`/locations/${c.scranton.id}/closures`)
      .set(as(c.admin))
      .send({ startsOn: day, endsOn: day, reason: 'Burst pipe' })
      .expect(201);
    const slotsOn = async () =>
      (
        await t.http
          .get(
            `/availability?appointmentTypeId=${c.followUp}&from=${day}&to=${day}&locationId=${c.scranton.id}`,
          )
          .set(as(c.scrantonClerk))
          .expect(200)
      ).body.total as number;
    expect(await slotsOn()).toBe(0);
    const listed = await t.http
      .get(`/locations/${c.scranton.id}/closures?from=${day}`)
      .set(as(c.scrantonClerk))
      .expect(200);
    expect(listed.body).toEqual([
      {
        id: closure.id,
        locationId: c.scranton.id,
        startsOn: day,
        endsOn: day,
        reason: 'Burst pipe',
      },
    ]);
    const later = await t.http
      .get(`/locations/${c.scranton.id}/closures?from=${plusDays(day, 1)}`)
      .set(as(c.scrantonClerk))
      .expect(200);
    expect(later.body).toEqual([]);
    await t.http
      .delete(`/locations/${c.scranton.id}/closures/${closure.id}`)
      .set(as(c.scrantonClerk))
      .expect(403);
    await t.http
      .delete(`/locations/${c.scranton.id}/closures/${closure.id}`)
      .set(as(c.admin))
      .expect(204);
    await t.http
      .delete(`/locations/${c.plano.id}/closures/${closure.id}`)
      .set(as(c.admin))
      .expect(404);
    expect(await slotsOn()).toBeGreaterThan(0);
    expect(await audited('location_closure', closure.id)).toEqual(['create', 'delete']);
  });

  it('a room with visits ahead cannot be retired; once free it is, keeps its name free and its past', async () => {
    const { body: room } = await t.http
      .post(`/locations/${c.scranton.id}/resources`)
      .set(as(c.admin))
      .send({ name: 'Pool', kind: 'pool', capacity: 2 })
      .expect(201);
    const { body: type } = await t.http
      .post('/appointment-types')
      .set(as(c.admin))
      .send({
        code: 'aquatic',
        name: 'Aquatic therapy',
        durationMinutes: 45,
        resourceKind: 'pool',
        allowedCredentials: ['PT'],
      })
      .expect(201);
    const { body: visit } = await t.http
      .post('/appointments')
      .set(as(c.admin))
      .send({
        patientId: c.maria.id,
        appointmentTypeId: type.id,
        locationId: c.scranton.id,
        therapistId: c.dana.id,
        localStart: `${nextWeekday(3)}T09:00`,
      })
      .expect(201);
    const refused = await t.http
      .delete(`/locations/${c.scranton.id}/resources/${room.id}`)
      .set(as(c.admin))
      .expect(422);
    expect(refused.body.errors).toEqual([
      {
        field: 'resourceId',
        reason: 'The room holds visits still ahead: move or cancel them first',
      },
    ]);
    await t.http
      .post(`/appointments/${visit.id}/cancel`)
      .set(as(c.admin))
      .send({ reason: 'Pool closed for repairs' })
      .expect(200);
    const { body: retired } = await t.http
      .delete(`/locations/${c.scranton.id}/resources/${room.id}`)
      .set(as(c.admin))
      .expect(200);
    expect(retired.retiredAt).toEqual(expect.any(String));
    const listed = await t.http
      .get(`/locations/${c.scranton.id}/resources`)
      .set(as(c.scrantonClerk))
      .expect(200);
    expect(listed.body).toEqual([]);
    const all = await t.http
      .get(`/locations/${c.scranton.id}/resources?includeRetired=true`)
      .set(as(c.scrantonClerk))
      .expect(200);
    expect(all.body).toEqual([expect.objectContaining({ id: room.id, name: 'Pool' })]);
    await t.http.get(`/locations/${c.scranton.id}/resources`).set(as(c.planoClerk)).expect(404);
    // No room of the kind is left, so the type cannot be booked there; a new pool takes the name.
    await t.http
      .post('/appointments')
      .set(as(c.admin))
      .send({
        patientId: c.maria.id,
        appointmentTypeId: type.id,
        locationId: c.scranton.id,
        therapistId: c.dana.id,
        localStart: `${nextWeekday(4)}T09:00`,
      })
      .expect(422)
      .expect((response) => expect(response.body.code).toBe('appointment.no_resource'));
    await t.http
      .post(`/locations/${c.scranton.id}/resources`)
      .set(as(c.admin))
      .send({ name: 'Pool', kind: 'pool', capacity: 4 })
      .expect(201);
    expect(await audited('resource', room.id)).toEqual(['create', 'delete']);
  });

  it('an appointment type is read and retired: listed as retired, no longer bookable', async () => {
    const { body: type } = await t.http
      .post('/appointment-types')
      .set(as(c.admin))
      .send({
        code: 'dry_needling',
        name: 'Dry needling',
        durationMinutes: 30,
        allowedCredentials: ['PT'],
      })
      .expect(201);
    const { body: one } = await t.http
      .get(`/appointment-types/${type.id}`)
      .set(as(c.scrantonClerk))
      .expect(200);
    expect(one).toMatchObject({ name: 'Dry needling', active: true });
    const { body: retired } = await t.http
      .delete(`/appointment-types/${type.id}`)
      .set(as(c.admin))
      .expect(200);
    expect(retired.active).toBe(false);
    const active = await t.http
      .get('/appointment-types?active=true')
      .set(as(c.scrantonClerk))
      .expect(200);
    expect(active.body.map((row: { id: string }) => row.id)).not.toContain(type.id);
    const gone = await t.http
      .get('/appointment-types?active=false')
      .set(as(c.scrantonClerk))
      .expect(200);
    expect(gone.body.map((row: { id: string }) => row.id)).toContain(type.id);
    const day = nextWeekday(5);
    await t.http
      .get(`/availability?appointmentTypeId=${type.id}&from=${day}&to=${day}`)
      .set(as(c.scrantonClerk))
      .expect(404);
    await t.http.delete(`/appointment-types/${type.id}`).set(as(c.scrantonClerk)).expect(403);
    expect(await audited('appointment_type', type.id)).toEqual(['create', 'update']);
  });

  it('a therapist’s hours and time off are read by their clinic’s staff and removed by admins', async () => {
    const hours = await t.http
      .get(`/therapists/${c.dana.id}/hours`)
      .set(as(c.scrantonClerk))
      .expect(200);
    expect(hours.body.windows).toHaveLength(7);
    expect(hours.body.windows[0]).toEqual({
      locationId: c.scranton.id,
      weekday: 1,
      starts: '07:00',
      ends: '19:00',
    });
    await t.http.get(`/therapists/${c.dana.id}/hours`).set(as(c.planoClerk)).expect(404);

    const day = nextWeekday(1, 21);
    const { body: off } = await t.http
      .post(`/therapists/${c.dana.id}/time-off`)
      .set(as(c.admin))
      .send({
        startsAt: `${day}T00:00:00-05:00`,
        endsAt: `${plusDays(day, 1)}T00:00:00-05:00`,
        reason: 'Course',
      })
      .expect(201);
    const listed = await t.http
      .get(`/therapists/${c.dana.id}/time-off?from=${day}T00:00:00Z`)
      .set(as(c.scrantonClerk))
      .expect(200);
    expect(listed.body).toEqual([expect.objectContaining({ id: off.id, reason: 'Course' })]);
    await t.http
      .delete(`/therapists/${c.dana.id}/time-off/${off.id}`)
      .set(as(c.scrantonClerk))
      .expect(403);
    await t.http.delete(`/therapists/${c.dana.id}/time-off/${off.id}`).set(as(c.admin)).expect(204);
    await t.http.delete(`/therapists/${c.dana.id}/time-off/${off.id}`).set(as(c.admin)).expect(404);
    expect(await audited('therapist_time_off', off.id)).toEqual(['create', 'delete']);

    const { body: left } = await t.http
      .delete(`/therapists/${c.dana.id}/hours?locationId=${c.scranton.id}`)
      .set(as(c.admin))
      .expect(200);
    expect(left.windows).toEqual([]);
    const slots = await t.http
      .get(
        `/availability?appointmentTypeId=${c.followUp}&from=${day}&to=${day}&therapistId=${c.dana.id}`,
      )
      .set(as(c.admin))
      .expect(200);
    expect(slots.body.total).toBe(0);
    expect(await audited('therapist_hours', c.dana.id)).toEqual(['update', 'delete']);
  });
});
