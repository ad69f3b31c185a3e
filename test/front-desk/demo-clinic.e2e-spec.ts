import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { seedDatabase } from '../../src/seed/seed';
import { startTestApp, type TestApp } from '../support/test-app';

describe('a demo clinic that lives', () => {
  let t: TestApp;
  let admin: string;
  const today = DateTime.now().setZone('America/New_York');
  const day = (days: number) => today.plus({ days }).toISODate()!;

  const login = async (email: string, password: string) =>
    `Bearer ${(await t.http.post('/auth/login').send({ email, password }).expect(200)).body.accessToken}`;
  const get = (path: string, authorization = admin) =>
    t.http.get(path).set('Authorization', authorization).expect(200);

  beforeAll(async () => {
    t = await startTestApp({
      env: { ADMIN_EMAIL: 'owner@pt-practice.test', ADMIN_PASSWORD: 'owner-password-long' },
    });
    const summary = await seedDatabase(t.app.get(DataSource), t.config);
    expect(summary.visits).toBeGreaterThan(80);
    admin = await login('owner@pt-practice.test', 'owner-password-long');
  });
  afterAll(() => t.close());

  it('has eight weeks of visits in every closing status, and two weeks booked ahead', async () => {
    const past = (await get(`/appointments?from=${day(-57)}&to=${day(-1)}&limit=100`)).body;
    const statuses = new Set(past.items.map((visit: { status: string }) => visit.status));
    expect([...statuses].sort()).toEqual(['cancelled', 'completed', 'no_show']);
    const cancelled = past.items.filter(
      (visit: { status: string }) => visit.status === 'cancelled',
    );
    expect(cancelled.map((visit: { lateCancellation: boolean }) => visit.lateCancellation)).toEqual(
      expect.arrayContaining([true, false]),
    );
    const ahead = (await get(`/appointments?from=${day(1)}&to=${day(14)}&limit=100`)).body;
    expect(ahead.total).toBeGreaterThanOrEqual(15);
    expect(
      ahead.items.every((visit: { status: string }) =>
        ['booked', 'confirmed'].includes(visit.status),
      ),
    ).toBe(true);
    const locations = new Set(
      ahead.items.map((visit: { locationName: string }) => visit.locationName),
    );
    expect(locations.size).toBe(5);
  });

  it('says what each kind of visit is for, so the reports can count first contacts', async () => {
    const types = (await get('/appointment-types')).body as { code: string; purpose: string }[];
    const purposes = Object.fromEntries(types.map((type) => [type.code, type.purpose]));
    expect(purposes).toMatchObject({
      free_pain_assessment: 'first_contact',
      initial_evaluation: 'initial_evaluation',
      follow_up: 'treatment',
      back_care_workshop: 'class',
      progress_visit: 'progress',
    });
  });

  it('shows the front desk its clinic’s day with names, and a patient waiting for an earlier slot', async () => {
    const clerk = await login('frontdesk.wyoming-valley@pt-practice.test', 'demo-staff-password');
    const week = (await get(`/appointments?from=${day(1)}&to=${day(7)}`, clerk)).body;
    expect(week.items[0]).toMatchObject({
      patientName: expect.any(String),
      therapistName: expect.any(String),
      appointmentTypeName: expect.any(String),
    });
    const waitlist = (await get('/waitlist', clerk)).body;
    expect(waitlist.total).toBe(1);
  });

  it('has sent, skipped and pending emails, and clinics with street addresses', async () => {
    const { byStatus } = (await get('/notifications/summary')).body;
    expect(byStatus.sent).toBeGreaterThan(0);
    expect(byStatus.pending).toBeGreaterThan(0);
    // Tyler Brennan gave no email address: his emails are skipped, not lost.
    expect(byStatus.skipped).toBeGreaterThan(0);
    const scranton = (await get('/locations?limit=100')).body.items.find(
      (location: { code: string }) => location.code === 'scranton',
    );
    expect(scranton.addressLine1).toBe('401 N Washington Ave');
  });

  it('has episodes scored at intake and re-evaluation, with the change from baseline', async () => {
    const therapist = await login('pt.scranton-kingston@pt-practice.test', 'demo-staff-password');
    const patients = (await get('/patients?name=mazur', therapist)).body;
    const episodes = (await get(`/patients/${patients.items[0].id}/episodes`, therapist)).body;
    const outcomes = (await get(`/episodes/${episodes[0].id}/outcomes`, therapist)).body;
    const odi = outcomes.find((outcome: { instrument: string }) => outcome.instrument === 'odi');
    expect(odi.change.latest).toBeLessThan(odi.change.baseline);
  });
});
