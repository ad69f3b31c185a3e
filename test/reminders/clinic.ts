import { randomBytes } from 'node:crypto';
import {
  createLocation,
  createPatient,
  createStaff,
  createTherapist,
  type StaffUser,
} from '../factories';
import type { TestApp } from '../support/test-app';

export { zoneWhereItIs } from '../support/zones';

export interface EmailClinic {
  admin: StaffUser;
  therapist: StaffUser;
  locationId: string;
  typeId: string;
  /** A patient who consented to email, with their address. */
  patient(options?: { consent?: boolean }): Promise<{ id: string; email: string }>;
}

/**
 * A clinic (in Scranton's Eastern time unless told otherwise) open every day around the clock,
 * so tests can book any time they compute from today, with one PT and a 45-minute follow-up type.
 */
export async function emailClinic(
  t: TestApp,
  { name = 'Scranton Spine & Sport', timeZone = 'America/New_York' } = {},
): Promise<EmailClinic> {
  const admin = await createStaff(t.http, t.db, 'admin');
  const as = { Authorization: admin.authorization };
  const location = await createLocation(t.db, { name, timeZone });
  await t.db.query(
    `UPDATE locations SET address_line1 = '120 Wyoming Ave', city = 'Scranton', postal_code = '18503',
            phone = '570-555-0142' WHERE id = $1`,
    [location.id],
  );
  const everyDay = [1, 2, 3, 4, 5, 6, 7];
  await t.http
    .put(`/locations/${location.id}/hours`)
    .set(as)
    .send({ windows: everyDay.map((weekday) => ({ weekday, opens: '00:00', closes: '23:59' })) })
    .expect(200);
  const therapist = await createTherapist(t.http, t.db, admin, location, {
    weekdays: everyDay,
    starts: '00:00',
    ends: '23:59',
  });
  const type = await t.http
    .post('/appointment-types')
    .set(as)
    .send({
      code: `follow_up_${randomBytes(3).toString('hex')}`,
      name: 'Follow-up',
      durationMinutes: 45,
      allowedCredentials: ['PT', 'PTA'],
    })
    .expect(201);
  return {
    admin,
    therapist,
    locationId: location.id,
    typeId: type.body.id as string,
    patient: async ({ consent = true } = {}) => {
      const patient = await createPatient(t.db, location.id, { firstName: 'Dana' });
      const email = `dana.${randomBytes(4).toString('hex')}@patients.example`;
      await t.db.query(
        `UPDATE patients SET email = $2, email_consent = $3, email_consent_at = CASE WHEN $3 THEN now() END
          WHERE id = $1`,
        [patient.id, email, consent],
      );
      return { id: patient.id, email };
    },
  };
}

/** Books a visit with the clinic's PT and type at a local time; returns the appointment id. */
export async function bookAt(
  t: TestApp,
  clinic: EmailClinic,
  patientId: string,
  localStart: string,
): Promise<string> {
  const response = await t.http
    .post('/appointments')
    .set({ Authorization: clinic.admin.authorization })
    .send({
      patientId,
      appointmentTypeId: clinic.typeId,
      locationId: clinic.locationId,
      therapistId: clinic.therapist.id,
      localStart,
    })
    .expect(201);
  return response.body.id as string;
}
