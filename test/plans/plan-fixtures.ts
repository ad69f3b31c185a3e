import { DateTime } from 'luxon';
import type { Pool } from 'pg';
import type TestAgent from 'supertest/lib/agent';
import { TEMPLATE_LIBRARY } from '../../src/plans/rules/template-library';
import type { LocationRow, StaffUser } from '../factories';

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
