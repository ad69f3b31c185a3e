import type { Actor } from './actor';
import { inScope, scopeParameter, visibleOr } from './location-scope';
import { Role } from './role';

const actor = (role: Role, locationIds: string[] = []): Actor => ({
  userId: 'u',
  role,
  locationIds,
  requestId: 'r',
});
const admin = actor(Role.Admin);
const scrantonClerk = actor(Role.FrontDesk, ['scranton']);
const twoClinicsPt = actor(Role.Therapist, ['scranton', 'wilkes-barre']);
const nowhere = actor(Role.FrontDesk);

describe('inScope', () => {
  it.each([
    ['an admin, any clinic', admin, ['plano'], true],
    ['an admin, no location at all', admin, [null], false],
    ['a clerk, their clinic', scrantonClerk, ['scranton'], true],
    ['a clerk, another clinic', scrantonClerk, ['plano'], false],
    ['a clerk, one of several is theirs', scrantonClerk, ['plano', 'scranton'], true],
    ['a therapist of two clinics, the second', twoClinicsPt, ['wilkes-barre'], true],
    ['staff with no clinic', nowhere, ['scranton'], false],
    ['a missing location', scrantonClerk, [undefined, null], false],
  ] as [string, Actor, (string | null | undefined)[], boolean][])(
    '%s',
    (_, who, locations, expected) => {
      expect(inScope(who, ...locations)).toBe(expected);
    },
  );
});

describe('scopeParameter', () => {
  it('is null for an admin (every clinic) and the clinics for everyone else', () => {
    expect(scopeParameter(admin)).toBeNull();
    expect(scopeParameter(twoClinicsPt)).toEqual(['scranton', 'wilkes-barre']);
    expect(scopeParameter(nowhere)).toEqual([]);
  });
});

describe('visibleOr', () => {
  const notFound = () => new Error('not found');
  const row = { id: 'a', locationId: 'scranton' };
  it('returns a row at one of the actor’s clinics', () => {
    expect(visibleOr(scrantonClerk, row, (r) => [r.locationId], notFound)).toBe(row);
  });
  it('throws the caller’s not-found for a row elsewhere, or none', () => {
    const plano = { id: 'b', locationId: 'plano' };
    expect(() => visibleOr(scrantonClerk, plano, (r) => [r.locationId], notFound)).toThrow(
      'not found',
    );
    expect(() => visibleOr(admin, null, () => [], notFound)).toThrow('not found');
  });
});
