import { contraindicationsOf, type PatientFacts, unacknowledged } from './contraindications';
import type { Agent, Intervention } from './plan-content';

const intervention = (agent: Agent | undefined, phase?: Intervention['phase']): Intervention => ({
  key: agent ?? 'exercise',
  category: agent ? 'modalities' : 'therapeutic_exercise',
  name: agent ?? 'exercise',
  cpt: '97110',
  timed: true,
  ...(agent ? { agent } : {}),
  dose: {},
  ...(phase ? { phase } : {}),
  precautions: [],
});

const healthy: PatientFacts = {
  planStart: '2026-12-10',
  onsetDate: '2026-12-01',
  bodyRegion: 'lower_back',
  cancerHistory: false,
  implantedDevice: false,
  pregnant: false,
};

describe('contraindications of a plan’s physical agents', () => {
  it.each([
    // heat and the first 48 hours after an acute injury's onset
    [
      'heat from the plan start, onset the day before',
      'heat',
      undefined,
      { planStart: '2026-12-10', onsetDate: '2026-12-09' },
      ['heat_acute_injury:heat'],
    ],
    [
      'heat from the plan start, onset that day',
      'heat',
      undefined,
      { planStart: '2026-12-10', onsetDate: '2026-12-10' },
      ['heat_acute_injury:heat'],
    ],
    [
      'heat from the plan start, onset two days before (48 h passed)',
      'heat',
      undefined,
      { planStart: '2026-12-10', onsetDate: '2026-12-08' },
      [],
    ],
    [
      'heat phased from day 2 after onset',
      'heat',
      { fromDay: 2, note: 'after 48 h' },
      { planStart: '2026-12-10', onsetDate: '2026-12-10' },
      [],
    ],
    [
      'heat phased from day 1 after onset',
      'heat',
      { fromDay: 1, note: 'too soon' },
      { planStart: '2026-12-10', onsetDate: '2026-12-10' },
      ['heat_acute_injury:heat'],
    ],
    ['heat with no onset on file', 'heat', undefined, { onsetDate: null }, []],
    [
      'ice in the first 48 hours',
      'cold',
      undefined,
      { planStart: '2026-12-10', onsetDate: '2026-12-10' },
      [],
    ],
    // malignancy
    [
      'ultrasound with a history of cancer',
      'ultrasound',
      undefined,
      { cancerHistory: true },
      ['malignancy:ultrasound'],
    ],
    [
      'laser with a history of cancer',
      'laser',
      undefined,
      { cancerHistory: true },
      ['malignancy:laser'],
    ],
    [
      'electrical stimulation with a history of cancer',
      'electrical_stimulation',
      undefined,
      { cancerHistory: true },
      ['malignancy:electrical_stimulation'],
    ],
    ['heat with a history of cancer', 'heat', undefined, { cancerHistory: true }, []],
    // implanted devices
    [
      'electrical stimulation with a pacemaker',
      'electrical_stimulation',
      undefined,
      { implantedDevice: true },
      ['implanted_device:electrical_stimulation'],
    ],
    [
      'ultrasound with a pacemaker',
      'ultrasound',
      undefined,
      { implantedDevice: true },
      ['implanted_device:ultrasound'],
    ],
    ['laser with a pacemaker', 'laser', undefined, { implantedDevice: true }, []],
    // pregnancy, over the low back, abdomen or pelvis
    [
      'ultrasound in pregnancy, low back',
      'ultrasound',
      undefined,
      { pregnant: true },
      ['pregnancy:ultrasound'],
    ],
    ['laser in pregnancy, low back', 'laser', undefined, { pregnant: true }, ['pregnancy:laser']],
    [
      'TENS in pregnancy, region unknown',
      'electrical_stimulation',
      undefined,
      { pregnant: true, bodyRegion: null },
      ['pregnancy:electrical_stimulation'],
    ],
    [
      'ultrasound in pregnancy, neck',
      'ultrasound',
      undefined,
      { pregnant: true, bodyRegion: 'neck' },
      [],
    ],
    ['exercise in pregnancy', undefined, undefined, { pregnant: true }, []],
    // several at once
    [
      'ultrasound, cancer, pacemaker and pregnancy',
      'ultrasound',
      undefined,
      { cancerHistory: true, implantedDevice: true, pregnant: true },
      ['malignancy:ultrasound', 'implanted_device:ultrasound', 'pregnancy:ultrasound'],
    ],
  ] as const)('%s', (_case, agent, phase, facts, codes) => {
    const warnings = contraindicationsOf([intervention(agent, phase)], { ...healthy, ...facts });
    expect(warnings.map((w) => w.code)).toEqual(codes);
    for (const warning of warnings) expect(warning.source).toMatch(/Houghton|FDA|clinics/);
  });

  it.each([
    [
      'answered with a reason',
      [{ code: 'malignancy:laser', reason: 'Cancer-free 15 years, not over the site' }],
      [],
    ],
    ['answered blank', [{ code: 'malignancy:laser', reason: '  ' }], ['malignancy:laser']],
    [
      'another warning answered',
      [{ code: 'pregnancy:laser', reason: 'n/a' }],
      ['malignancy:laser'],
    ],
    ['not answered', [], ['malignancy:laser']],
  ])('an acknowledgement %s', (_case, acknowledgements, left) => {
    const warnings = contraindicationsOf([intervention('laser')], {
      ...healthy,
      cancerHistory: true,
    });
    expect(unacknowledged(warnings, acknowledgements).map((w) => w.code)).toEqual(left);
  });
});
