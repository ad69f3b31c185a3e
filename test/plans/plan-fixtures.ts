import { DateTime } from 'luxon';
import type { Pool } from 'pg';
import type TestAgent from 'supertest/lib/agent';
import { TEMPLATE_LIBRARY } from '../../src/plans/rules/template-library';
import {
  createLocation,
  createStaff,
  createTherapist,
  type LocationRow,
  type StaffUser,
} from '../factories';

export const ZONE = 'America/New_York';
export const dayIn = (offset: number) =>
  DateTime.now().setZone(ZONE).plus({ days: offset }).toISODate()!;
export const as = (user: StaffUser) => ({ Authorization: user.authorization });

/** The seeded library's acute low back spasm template, as a request body. */
export const acuteBackTemplate = () => structuredClone(TEMPLATE_LIBRARY[0]);

/** A patient with an open episode of low back spasm, and a signed intake with its onset. */
export async function patientWithEpisode(
  http: TestAgent,
  db: Pool,
  clerk: StaffUser,
  therapist: StaffUser,
  location: LocationRow,
  {
    payer = 'commercial',
    openedOn = dayIn(0),
    onsetDate = dayIn(-1),
    relevantHistory = [] as string[],
  } = {},
) {
  const patient = await http
    .post('/patients')
    .set(as(clerk))
    .send({
      firstName: 'Dana',
      lastName: `Plan${Date.now()}${Math.random().toString(36).slice(2, 6)}`,
      dateOfBirth: '1956-04-09',
      email: `dana.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@example.test`,
      emailConsent: true,
      payer,
      homeLocationId: location.id,
    })
    .expect(201);
  const episode = await http
    .post(`/patients/${patient.body.id}/episodes`)
    .set(as(therapist))
    .send({
      locationId: location.id,
      condition: 'Low back spasm',
      bodyRegion: 'lower_back',
      openedOn,
    })
    .expect(201);
  await db.query(
    `INSERT INTO assessments (episode_id, kind, status, assessed_on, content, red_flag_screen, screen_disposition,
                              created_by, signed_by, signed_at)
     VALUES ($1, 'initial_evaluation', 'signed', $2, $3, '{"disposition":"proceed","reasons":[]}', 'proceed', $4, $4, now())`,
    [
      episode.body.id,
      openedOn,
      JSON.stringify({ onsetDate, bodyRegion: 'lower_back', relevantHistory, redFlags: [] }),
      therapist.id,
    ],
  );
  return { patientId: patient.body.id as string, episodeId: episode.body.id as string };
}

export const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

/** A clinic-wide copy of the acute low back template, published: its version's id. */
export async function publishedTemplate(http: TestAgent, admin: StaffUser): Promise<string> {
  const template = await http
    .post('/plan-templates')
    .set(as(admin))
    .send({ ...acuteBackTemplate(), scope: 'clinic' })
    .expect(201);
  await http.post(`/plan-templates/${template.body.templateId}/publish`).set(as(admin)).expect(200);
  return template.body.id as string;
}

/**
 * A clinic open 07:00 to 20:00 every day in ZONE with a front desk clerk, a PT working those
 * hours, a 45-minute treatment follow-up type and a published acute low back template: what a
 * plan needs to be booked on any day a test picks.
 */
export async function planClinic(http: TestAgent, db: Pool, typeCode: string) {
  const admin = await createStaff(http, db, 'admin');
  const clinic = await createLocation(db, { timeZone: ZONE });
  const clerk = await createStaff(http, db, 'front_desk', [clinic.id]);
  await http
    .put(`/locations/${clinic.id}/hours`)
    .set(as(admin))
    .send({ windows: EVERY_DAY.map((weekday) => ({ weekday, opens: '07:00', closes: '20:00' })) })
    .expect(200);
  const pt = await createTherapist(http, db, admin, clinic, {
    weekdays: EVERY_DAY,
    starts: '07:00',
    ends: '20:00',
  });
  const type = await http
    .post('/appointment-types')
    .set(as(admin))
    .send({
      code: typeCode,
      name: 'Follow-up',
      durationMinutes: 45,
      allowedCredentials: ['PT', 'PTA'],
      treatment: true,
    })
    .expect(201);
  const templateVersionId = await publishedTemplate(http, admin);
  return { admin, clinic, clerk, pt, followUp: type.body.id as string, templateVersionId };
}
