import {
  type Credential,
  ineligibility,
  type IneligibilityReason,
  jurisdictionOf,
  type LocationJurisdiction,
  type TherapistFacts,
} from './eligibility';

const PT_IN_PA: TherapistFacts = {
  active: true,
  credential: 'PT',
  atLocation: true,
  licenceStates: ['PA'],
};
const SCRANTON: LocationJurisdiction = { country: 'US', state: 'PA' };
const PLANO: LocationJurisdiction = { country: 'US', state: 'TX' };
const DUBLIN: LocationJurisdiction = { country: 'IE', state: null };
const BOTH: Credential[] = ['PT', 'PTA'];

describe('ineligibility', () => {
  const cases: [
    string,
    TherapistFacts | null,
    Credential[],
    LocationJurisdiction,
    IneligibilityReason | null,
  ][] = [
    ['a PT licensed in PA at a PA clinic', PT_IN_PA, BOTH, SCRANTON, null],
    ['no such therapist', null, BOTH, SCRANTON, 'no_therapist'],
    ['an inactive account', { ...PT_IN_PA, active: false }, BOTH, SCRANTON, 'no_therapist'],
    [
      'not assigned to the clinic',
      { ...PT_IN_PA, atLocation: false },
      BOTH,
      SCRANTON,
      'not_at_location',
    ],
    [
      'a PTA for a PT-only evaluation',
      { ...PT_IN_PA, credential: 'PTA' },
      ['PT'],
      SCRANTON,
      'credential_not_allowed',
    ],
    [
      'a PTA for a visit PTAs may deliver',
      { ...PT_IN_PA, credential: 'PTA' },
      BOTH,
      SCRANTON,
      null,
    ],
    [
      'no credential on file',
      { ...PT_IN_PA, credential: null },
      BOTH,
      SCRANTON,
      'credential_not_allowed',
    ],
    ['licensed in PA only, booked in Plano', PT_IN_PA, BOTH, PLANO, 'not_licensed_there'],
    [
      'licensed in PA and TX, booked in Plano',
      { ...PT_IN_PA, licenceStates: ['PA', 'TX'] },
      BOTH,
      PLANO,
      null,
    ],
    [
      'no licence on file at all',
      { ...PT_IN_PA, licenceStates: [] },
      BOTH,
      SCRANTON,
      'not_licensed_there',
    ],
    [
      'a US clinic with no state on file',
      PT_IN_PA,
      BOTH,
      { country: 'US', state: null },
      'location_without_jurisdiction',
    ],
    [
      'CORU-registered, at a Dublin clinic',
      { ...PT_IN_PA, licenceStates: ['IE'] },
      BOTH,
      DUBLIN,
      null,
    ],
    ['licensed in PA, at a Dublin clinic', PT_IN_PA, BOTH, DUBLIN, 'not_licensed_there'],
    // The checks run in the order a clerk fixes them: account, clinic, credential, licence.
    [
      'inactive and unlicensed: the account first',
      { ...PT_IN_PA, active: false, licenceStates: [] },
      BOTH,
      PLANO,
      'no_therapist',
    ],
    [
      'not assigned and wrong credential: the clinic first',
      { ...PT_IN_PA, atLocation: false, credential: 'PTA' },
      ['PT'],
      SCRANTON,
      'not_at_location',
    ],
    [
      'wrong credential and unlicensed: the credential first',
      { ...PT_IN_PA, credential: 'PTA' },
      ['PT'],
      PLANO,
      'credential_not_allowed',
    ],
  ];
  it.each(cases)('%s', (_, therapist, allowed, location, expected) => {
    expect(ineligibility(therapist, allowed, location)).toBe(expected);
  });
});

describe('jurisdictionOf', () => {
  it.each([
    [SCRANTON, 'PA'],
    [PLANO, 'TX'],
    [DUBLIN, 'IE'],
    [{ country: 'GB', state: null }, 'GB'],
    [{ country: 'US', state: null }, null],
  ] as [LocationJurisdiction, string | null][])('%o is %s', (location, expected) => {
    expect(jurisdictionOf(location)).toBe(expected);
  });
});
