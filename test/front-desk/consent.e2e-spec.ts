import { nextWeekday } from '../scheduling/calendar-dates';
import { startTestApp, type TestApp } from '../support/test-app';
import { as, type FrontDeskClinic, frontDeskClinic } from './clinic';

describe('consent where it matters', () => {
  let t: TestApp;
  let c: FrontDeskClinic;
  let hour = 8;

  const register = (body: Record<string, unknown>) =>
    t.http
      .post('/patients')
      .set(as(c.scrantonClerk))
      .send({
        firstName: 'Rosa',
        lastName: `Diaz${hour}`,
        dateOfBirth: '1980-05-01',
        homeLocationId: c.scranton.id,
        ...body,
      })
      .expect(201);

  const bookFor = (patientId: string) =>
    t.http
      .post('/appointments')
      .set(as(c.scrantonClerk))
      .send({
        patientId,
        appointmentTypeId: c.followUp,
        locationId: c.scranton.id,
        therapistId: c.dana.id,
        localStart: `${nextWeekday(2)}T${String(hour++).padStart(2, '0')}:00`,
      })
      .expect(201);

  beforeAll(async () => {
    t = await startTestApp();
    c = await frontDeskClinic(t);
  });
  afterAll(() => t.close());

  it('accepts email as preferred contact without consent, and warns that no emails will go', async () => {
    const { body: patient } = await register({
      email: 'rosa@example.test',
      preferredContact: 'email',
    });
    expect(patient.emailConsent).toBe(false);
    expect(patient.warnings).toEqual([
      {
        code: 'patient.no_email_consent',
        field: 'emailConsent',
        reason: 'preferred contact is email, but no consent to email on file',
        message: expect.stringContaining('no confirmation or reminder emails'),
      },
    ]);
    const { body: booked } = await bookFor(patient.id);
    expect(booked.warnings).toEqual([
      {
        code: 'patient.no_email_consent',
        field: 'patientId',
        reason: 'no consent to email on file',
        message: expect.stringContaining('no confirmation or reminder emails'),
      },
    ]);
  });

  it('warns of a missing address, and says nothing when the patient can be emailed', async () => {
    const { body: noAddress } = await register({ preferredContact: 'email' });
    expect(noAddress.warnings.map((w: { field: string }) => w.field)).toEqual(['email']);
    const { body: booked } = await bookFor(noAddress.id);
    expect(booked.warnings.map((w: { code: string }) => w.code)).toEqual([
      'patient.no_email_address',
    ]);

    const { body: reachable } = await register({
      email: 'ok@example.test',
      emailConsent: true,
      preferredContact: 'email',
    });
    expect(reachable.warnings).toEqual([]);
    const { body: quiet } = await bookFor(reachable.id);
    expect(quiet.warnings).toBeUndefined();

    const { body: byPhone } = await register({
      email: 'p@example.test',
      preferredContact: 'phone',
    });
    expect(byPhone.warnings).toEqual([]);
  });

  it('warns once consent is withdrawn, as a move of the visit shows', async () => {
    const { body: patient } = await register({
      email: 'later@example.test',
      emailConsent: true,
      preferredContact: 'email',
    });
    const { body: booked } = await bookFor(patient.id);
    expect(booked.warnings).toBeUndefined();
    await t.http
      .patch(`/patients/${patient.id}`)
      .set(as(c.scrantonClerk))
      .send({ emailConsent: false })
      .expect(200);
    const { body: moved } = await t.http
      .post(`/appointments/${booked.id}/reschedule`)
      .set(as(c.scrantonClerk))
      .send({ localStart: `${nextWeekday(4)}T09:00` })
      .expect(200);
    expect(moved.warnings.map((w: { code: string }) => w.code)).toEqual([
      'patient.no_email_consent',
    ]);
  });
});
