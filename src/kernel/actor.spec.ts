import { Actor, canAccessLocation, locationScope, seesAllLocations } from './actor';
import { Role } from './role';

// Readable ids keep the generated test names legible; the functions never parse them.
const SCRANTON = 'scranton';
const WILKES_BARRE = 'wilkes-barre';
const HAZLETON = 'hazleton';

function actor(role: Role, locationIds: string[]): Actor {
  return { userId: 'user-1', role, locationIds, requestId: 'req-1' };
}

describe('actor location access', () => {
  it.each<{ role: Role; seesAll: boolean }>([
    { role: Role.Admin, seesAll: true },
    { role: Role.FrontDesk, seesAll: false },
    { role: Role.Therapist, seesAll: false },
  ])('$role sees all locations: $seesAll', ({ role, seesAll }) => {
    expect(seesAllLocations(actor(role, [SCRANTON]))).toBe(seesAll);
  });

  it.each<{ role: Role; assigned: string[]; location: string; allowed: boolean }>([
    { role: Role.Admin, assigned: [], location: HAZLETON, allowed: true },
    { role: Role.Admin, assigned: [SCRANTON], location: HAZLETON, allowed: true },
    { role: Role.FrontDesk, assigned: [SCRANTON, WILKES_BARRE], location: SCRANTON, allowed: true },
    { role: Role.FrontDesk, assigned: [SCRANTON], location: HAZLETON, allowed: false },
    { role: Role.FrontDesk, assigned: [], location: SCRANTON, allowed: false },
    { role: Role.Therapist, assigned: [WILKES_BARRE], location: WILKES_BARRE, allowed: true },
    { role: Role.Therapist, assigned: [WILKES_BARRE], location: SCRANTON, allowed: false },
    { role: Role.Therapist, assigned: [SCRANTON], location: '', allowed: false },
  ])(
    '$role assigned to $assigned can access "$location": $allowed',
    ({ role, assigned, location, allowed }) => {
      expect(canAccessLocation(actor(role, assigned), location)).toBe(allowed);
    },
  );

  it.each<{ assigned: string[] }>([{ assigned: [SCRANTON] }, { assigned: [] }])(
    'admin assigned to $assigned gets no location filter',
    ({ assigned }) => {
      expect(locationScope(actor(Role.Admin, assigned))).toBeUndefined();
    },
  );

  it.each<{ role: Role; assigned: string[] }>([
    { role: Role.FrontDesk, assigned: [SCRANTON, WILKES_BARRE] },
    { role: Role.Therapist, assigned: [HAZLETON] },
  ])('$role is filtered to exactly the assigned $assigned', ({ role, assigned }) => {
    expect(locationScope(actor(role, assigned))).toEqual(assigned);
  });

  it('scopes a user without locations to none rather than to all', () => {
    const scope = locationScope(actor(Role.Therapist, []));

    expect(scope).toEqual([]);
  });
});
