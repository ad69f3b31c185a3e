import { DateTime } from 'luxon';
import { nextWeekday } from '../scheduling/calendar-dates';
import { startTestApp, type TestApp } from '../support/test-app';
import { as, type FrontDeskClinic, frontDeskClinic } from './clinic';

describe('one patient’s audit trail and timeline', () => {
  let t: TestApp;
  let c: FrontDeskClinic;
  let patientId: string;
  let appointmentId: string;
  let episodeId: string;
  let assessmentId: string;

  beforeAll(async () => {
    t = await startTestApp();
    c = await frontDeskClinic(t);
    const { body: patient } = await t.http
      .post('/patients')
      .set(as(c.scrantonClerk))
      .send({
        firstName: 'Iris',
        lastName: 'Novak',
        dateOfBirth: '1975-03-02',
        email: 'iris@example.test',
        emailConsent: true,
        homeLocationId: c.scranton.id,
      })
      .expect(201);
    patientId = patient.id;
    const { body: booked } = await t.http
      .post('/appointments')
      .set(as(c.scrantonClerk))
      .send({
        patientId,
        appointmentTypeId: c.followUp,
        locationId: c.scranton.id,
        therapistId: c.dana.id,
        localStart: `${nextWeekday(2)}T10:00`,
        reasonForVisit: 'Knee pain after running',
      })
      .expect(201);
    appointmentId = booked.id;
    await t.http.get(`/appointments/${appointmentId}`).set(as(c.scrantonClerk)).expect(200);
    const { body: episode } = await t.http
      .post(`/patients/${patientId}/episodes`)
      .set(as(c.dana))
      .send({
        locationId: c.scranton.id,
        condition: 'Patellofemoral pain',
        bodyRegion: 'knee',
        openedOn: DateTime.now().setZone(c.scranton.timeZone).toISODate(),
      })
      .expect(201);
    episodeId = episode.id;
    const { body: assessment } = await t.http
      .post(`/episodes/${episodeId}/assessments`)
      .set(as(c.dana))
      .send({
        kind: 'initial_evaluation',
        assessedOn: DateTime.now().setZone(c.scranton.timeZone).toISODate(),
        chiefComplaint: 'Knee pain on stairs',
        bodyRegion: 'knee',
        side: 'left',
        onsetDate: DateTime.now().setZone(c.scranton.timeZone).minus({ weeks: 3 }).toISODate(),
        mechanism: 'sport',
        severity: 'moderate',
        triggers: ['walking'],
        easingFactors: ['rest'],
        associatedSymptoms: [],
        relevantHistory: [],
        medications: [],
        pain: { now: 4, best24h: 2, worst24h: 7 },
        redFlags: [],
        instruments: [],
      })
      .expect((response) => {
        if (response.status !== 201) throw new Error(JSON.stringify(response.body));
      });
    assessmentId = assessment.id;
  });
  afterAll(() => t.close());

  it('names the patient on every audit row about them, and admins filter by patient', async () => {
    const { body } = await t.http
      .get(`/audit-events?patientId=${patientId}&limit=100`)
      .set(as(c.admin))
      .expect(200);
    const seen = body.items.map(
      (event: { action: string; entityType: string; entityId: string; patientId: string }) => {
        expect(event.patientId).toBe(patientId);
        return `${event.action} ${event.entityType} ${event.entityId}`;
      },
    );
    expect(seen).toEqual(
      expect.arrayContaining([
        `create patient ${patientId}`,
        `create appointment ${appointmentId}`,
        `read appointment ${appointmentId}`,
        `create episode ${episodeId}`,
        `create assessment ${assessmentId}`,
      ]),
    );
    await t.http.get(`/audit-events?patientId=${patientId}`).set(as(c.scrantonClerk)).expect(403);
    const bad = await t.http.get('/audit-events?patientId=nope').set(as(c.admin)).expect(400);
    expect(bad.body.errors[0].field).toBe('patientId');
  });

  it('lists visits, episodes, assessments and emails in one call, newest first, audited', async () => {
    const { body } = await t.http
      .get(`/patients/${patientId}/timeline`)
      .set(as(c.dana))
      .expect(200);
    const kinds = body.items.map((item: { kind: string }) => item.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['appointment', 'episode', 'assessment', 'email']),
    );
    expect(body.total).toBe(body.items.length);
    const times = body.items.map((item: { occurredAt: string }) => item.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(body.items.find((item: { kind: string }) => item.kind === 'appointment')).toMatchObject({
      id: appointmentId,
      title: 'Follow-up visit with Dana Whitfield',
      status: 'booked',
      locationId: c.scranton.id,
      details: { reasonForVisit: 'Knee pain after running' },
    });
    const emails = body.items.filter((item: { kind: string }) => item.kind === 'email');
    expect(emails.map((email: { title: string }) => email.title)).toEqual(
      expect.arrayContaining(['appointment confirmation', 'appointment reminder']),
    );
    expect(emails[0].details.appointmentId).toBe(appointmentId);
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_events
        WHERE entity_type = 'patient_timeline' AND patient_id = $1 AND actor_user_id = $2`,
      [patientId, c.dana.id],
    );
    expect(rows[0].n).toBe(1);
  });

  it('shows the front desk no assessments, pages, and hides the patient from another clinic', async () => {
    const { body } = await t.http
      .get(`/patients/${patientId}/timeline?limit=1`)
      .set(as(c.scrantonClerk))
      .expect(200);
    expect(body.items).toHaveLength(1);
    const all = await t.http
      .get(`/patients/${patientId}/timeline?limit=100`)
      .set(as(c.scrantonClerk))
      .expect(200);
    expect(all.body.items.map((item: { kind: string }) => item.kind)).not.toContain('assessment');
    expect(all.body.total).toBe(all.body.items.length);
    await t.http.get(`/patients/${patientId}/timeline`).set(as(c.planoClerk)).expect(404);
  });
});
