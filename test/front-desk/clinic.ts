import {
  createLocation,
  createPatient,
  createStaff,
  createTherapist,
  type LocationRow,
  type StaffUser,
} from '../factories';
import type { TestApp } from '../support/test-app';

/** Two clinics in two zones, a therapist and a clerk at each, one type: a front desk's world. */
export interface FrontDeskClinic {
  admin: StaffUser;
  scranton: LocationRow;
  plano: LocationRow;
  dana: StaffUser;
  omar: StaffUser;
  scrantonClerk: StaffUser;
  planoClerk: StaffUser;
  followUp: string;
  maria: { id: string };
  /** Registered at Plano: the Scranton clerk may not see her name. */
  jonas: { id: string };
}

export const as = (user: StaffUser) => ({ Authorization: user.authorization });

export async function frontDeskClinic(t: TestApp): Promise<FrontDeskClinic> {
  const admin = await createStaff(t.http, t.db, 'admin');
  const scranton = await createLocation(t.db, { name: 'Scranton Downtown' });
  const plano = await createLocation(t.db, {
    name: 'Plano West',
    state: 'TX',
    timeZone: 'America/Chicago',
  });
  for (const location of [scranton, plano]) {
    await t.http
      .put(`/locations/${location.id}/hours`)
      .set(as(admin))
      .send({
        windows: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
          weekday,
          opens: '07:00',
          closes: '19:00',
        })),
      })
      .expect(200);
  }
  const everyDay = { weekdays: [1, 2, 3, 4, 5, 6, 7], starts: '07:00', ends: '19:00' };
  const dana = await createTherapist(t.http, t.db, admin, scranton, {
    ...everyDay,
    fullName: 'Dana Whitfield',
  });
  const omar = await createTherapist(t.http, t.db, admin, plano, {
    ...everyDay,
    credential: 'PTA',
    fullName: 'Omar Reyes',
  });
  const { body: type } = await t.http
    .post('/appointment-types')
    .set(as(admin))
    .send({
      code: 'follow_up',
      name: 'Follow-up visit',
      durationMinutes: 45,
      allowedCredentials: ['PT', 'PTA'],
    })
    .expect(201);
  return {
    admin,
    scranton,
    plano,
    dana,
    omar,
    scrantonClerk: await createStaff(t.http, t.db, 'front_desk', [scranton.id]),
    planoClerk: await createStaff(t.http, t.db, 'front_desk', [plano.id]),
    followUp: type.id as string,
    maria: await createPatient(t.db, scranton.id, { firstName: 'Maria', lastName: 'Lopez' }),
    jonas: await createPatient(t.db, plano.id, { firstName: 'Jonas', lastName: 'Berg' }),
  };
}
