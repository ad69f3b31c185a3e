import {
  type BookingPolicy,
  BookingPolicies,
  judge,
  type PolicyFinding,
  type ProposedVisit,
} from './booking-policy.port';

const VISIT: ProposedVisit = {
  kind: 'book',
  actor: { userId: 'u', role: 'front_desk' as never, locationIds: ['l'], requestId: 'r' },
  patientId: 'p',
  episodeId: 'e',
  locationId: 'l',
  therapistId: 't',
  appointmentType: { id: 'type', code: 'follow_up', treatment: true },
  startsAt: new Date('2026-12-07T14:00:00Z'),
  endsAt: new Date('2026-12-07T14:45:00Z'),
  timeZone: 'America/New_York',
  appointmentId: null,
  override: null,
  placedInRequest: [],
};

const finding = (severity: PolicyFinding['severity'], code: string): PolicyFinding => ({
  severity,
  code,
  message: code,
  field: 'episodeId',
  reason: code,
});

/** A policy that answers from its facts: the findings listed under its name. */
function policy(name: string): BookingPolicy<PolicyFinding[]> {
  return { name, factsSql: () => 'NULL', check: (_, facts) => facts ?? [] };
}

describe('judge', () => {
  const first = policy('first');
  const second = policy('second');
  const warnA = finding('warn', 'a.warn');
  const warnB = finding('warn', 'b.warn');
  const refuseA = finding('refuse', 'a.refuse');
  const refuseB = finding('refuse', 'b.refuse');
  const cases: [string, Record<string, PolicyFinding[]>, PolicyFinding | null, PolicyFinding[]][] =
    [
      ['no findings', {}, null, []],
      ['a warning passes, with the warning', { first: [warnA] }, null, [warnA]],
      [
        'warnings of two policies, in order',
        { first: [warnA], second: [warnB] },
        null,
        [warnA, warnB],
      ],
      ['one refusal refuses', { second: [refuseB] }, refuseB, []],
      ['the first refusal wins', { first: [refuseA], second: [refuseB] }, refuseA, []],
      [
        'warnings before a refusal are kept',
        { first: [warnA], second: [refuseB] },
        refuseB,
        [warnA],
      ],
      ['a refusal stops later findings', { first: [refuseA, warnA], second: [warnB] }, refuseA, []],
    ];
  it.each(cases)('%s', (_, facts, refusal, warnings) => {
    expect(judge([first, second], VISIT, facts)).toEqual({ refusal, warnings });
  });

  it('gives a policy null when the read found none of its facts', () => {
    const seen: unknown[] = [];
    const probe: BookingPolicy = {
      name: 'probe',
      factsSql: () => 'NULL',
      check: (_, facts) => {
        seen.push(facts);
        return [];
      },
    };
    judge([probe], VISIT, { probe: undefined });
    expect(seen).toEqual([null]);
  });
});

describe('BookingPolicies', () => {
  it('keeps registration order', () => {
    const registry = new BookingPolicies();
    registry.register(policy('first'));
    registry.register(policy('second'));
    expect(registry.all().map((p) => p.name)).toEqual(['first', 'second']);
  });

  it('refuses a name taken twice or unfit for a column alias', () => {
    const registry = new BookingPolicies();
    registry.register(policy('first'));
    expect(() => registry.register(policy('first'))).toThrow(/taken/);
    expect(() => registry.register(policy('no spaces'))).toThrow(/invalid/);
  });

  it('refuses a policy registered after the booking read was built', () => {
    const registry = new BookingPolicies();
    registry.all();
    expect(() => registry.register(policy('late'))).toThrow(/after first use/);
  });
});
