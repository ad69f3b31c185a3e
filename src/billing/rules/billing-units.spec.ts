/**
 * Billing units by the 8-minute rule (CMS 100-04 Ch. 5 § 20.2) and the CPT midpoint rule: every
 * value in ../shared/domain/billing.md, the manual's worked examples, ties and untimed codes.
 */
import {
  billingUnits,
  eightMinuteAllocation,
  type PerformedService,
  unitsForMinutes,
  type UnitContext,
} from './billing-units';

const MEDICARE: UnitContext = { rule: 'eight_minute', medicare: true };
const COMMERCIAL_8: UnitContext = { rule: 'eight_minute', medicare: false };
const MIDPOINT: UnitContext = { rule: 'midpoint', medicare: false };

const timed = (...pairs: [string, number][]): PerformedService[] =>
  pairs.map(([cpt, minutes]) => ({ cpt, minutes }));
const unitsByCode = (services: PerformedService[], context: UnitContext) =>
  Object.fromEntries(billingUnits(services, context).map((line) => [line.billedCode, line.units]));

describe('unitsForMinutes: the table of billing.md, both ends of every band', () => {
  it.each([
    [0, 0],
    [7, 0],
    [8, 1],
    [22, 1],
    [23, 2],
    [37, 2],
    [38, 3],
    [52, 3],
    [53, 4],
    [67, 4],
    [68, 5],
    [82, 5],
    [83, 6],
    [97, 6],
    [98, 7],
    [112, 7],
    [113, 8],
    [127, 8],
    [128, 9],
  ])('%i minutes bill %i units', (minutes, units) => {
    expect(unitsForMinutes(minutes)).toBe(units);
  });
});

describe('the 8-minute rule over a visit’s timed codes', () => {
  it('the worked example: 97110 18 + 97140 13 + 97116 10 + 97035 8 = 49 min = 3 units, 97035 not billed', () => {
    const lines = billingUnits(
      timed(['97110', 18], ['97140', 13], ['97116', 10], ['97035', 8]),
      MEDICARE,
    );
    expect(lines.map((line) => [line.cpt, line.units, line.outcome])).toEqual([
      ['97110', 1, 'billed'],
      ['97140', 1, 'billed'],
      ['97116', 1, 'billed'],
      ['97035', 0, 'not_enough_minutes'],
    ]);
    expect(lines.reduce((sum, line) => sum + line.units, 0)).toBe(3);
  });

  it.each<[string, [string, number][], Record<string, number>]>([
    [
      'a code of >= 15 min gets a unit: 97110 33 + 97140 7 = 40 min',
      [
        ['97110', 33],
        ['97140', 7],
      ],
      { '97110': 2, '97140': 1 },
    ],
    [
      'more units to the longer: 97112 24 + 97110 23 = 47 min',
      [
        ['97112', 24],
        ['97110', 23],
      ],
      { '97112': 2, '97110': 1 },
    ],
    [
      'two short codes together >= 8: one unit of the longer',
      [
        ['97110', 5],
        ['97140', 4],
      ],
      { '97110': 1, '97140': 0 },
    ],
    [
      'two short codes, the longer recorded second',
      [
        ['97140', 3],
        ['97035', 6],
      ],
      { '97140': 0, '97035': 1 },
    ],
    [
      'two short codes under 8 together bill nothing',
      [
        ['97110', 4],
        ['97140', 3],
      ],
      { '97110': 0, '97140': 0 },
    ],
    [
      'a tie of remainders goes to the code recorded first',
      [
        ['97110', 7],
        ['97140', 7],
      ],
      { '97110': 1, '97140': 0 },
    ],
    [
      'a tie of remainders goes to the code with more minutes in all',
      [
        ['97110', 7],
        ['97140', 22],
      ],
      { '97110': 0, '97140': 2 },
    ],
    [
      'equal codes, 20 and 20 = 40 min = 3 units',
      [
        ['97112', 20],
        ['97110', 20],
      ],
      { '97112': 2, '97110': 1 },
    ],
    ['one code alone, 7 min', [['97110', 7]], { '97110': 0 }],
    ['one code alone, 8 min', [['97110', 8]], { '97110': 1 }],
    ['one code alone, 127 min', [['97110', 127]], { '97110': 8 }],
    [
      'a timed code recorded twice adds its minutes: 97110 5 + 97110 4',
      [
        ['97110', 5],
        ['97110', 4],
      ],
      { '97110': 1 },
    ],
    [
      'three codes of 7: 21 min = 1 unit',
      [
        ['97110', 7],
        ['97140', 7],
        ['97116', 7],
      ],
      { '97110': 1, '97140': 0, '97116': 0 },
    ],
  ])('%s', (_, services, expected) => {
    expect(unitsByCode(timed(...services), COMMERCIAL_8)).toEqual(expected);
  });

  it('never bills more units than the visit’s total minutes allow', () => {
    for (let a = 0; a <= 60; a += 1) {
      for (let b = 0; b <= 30; b += 3) {
        const units = eightMinuteAllocation([a, b]);
        expect(units[0] + units[1]).toBe(unitsForMinutes(a + b));
        if (a >= 15) expect(units[0]).toBeGreaterThanOrEqual(1);
      }
    }
  });
});

describe('the midpoint rule: each timed code on its own', () => {
  it.each<[string, [string, number][], Record<string, number>]>([
    [
      'the worked example bills 4 units, 97035 included',
      [
        ['97110', 18],
        ['97140', 13],
        ['97116', 10],
        ['97035', 8],
      ],
      { '97110': 1, '97140': 1, '97116': 1, '97035': 1 },
    ],
    [
      'two short codes of 7 bill nothing',
      [
        ['97110', 7],
        ['97140', 7],
      ],
      { '97110': 0, '97140': 0 },
    ],
    [
      '22 and 23 minutes',
      [
        ['97110', 22],
        ['97140', 23],
      ],
      { '97110': 1, '97140': 2 },
    ],
  ])('%s', (_, services, expected) => {
    expect(unitsByCode(timed(...services), MIDPOINT)).toEqual(expected);
  });
});

describe('untimed codes', () => {
  it('bill one unit each, their minutes outside the timed total', () => {
    const lines = billingUnits(
      [
        { cpt: '97162', minutes: 30 },
        { cpt: '97110', minutes: 10 },
        { cpt: '97026', minutes: null },
      ],
      COMMERCIAL_8,
    );
    expect(lines.map((line) => [line.cpt, line.units])).toEqual([
      ['97162', 1],
      ['97110', 1],
      ['97026', 1],
    ]);
  });

  it('97012 mechanical traction is billed once per encounter', () => {
    const lines = billingUnits(
      [
        { cpt: '97012', minutes: null },
        { cpt: '97012', minutes: null },
      ],
      COMMERCIAL_8,
    );
    expect(lines.map((line) => [line.units, line.outcome])).toEqual([
      [1, 'billed'],
      [0, 'once_per_encounter'],
    ]);
  });

  it.each<[string, UnitContext, string, number, string]>([
    ['Medicare: 97010 is bundled, never a paid line', MEDICARE, '97010', 0, 'medicare_bundled'],
    ['commercial: 97010 is a unit', COMMERCIAL_8, '97010', 1, 'billed'],
    ['Medicare: 97014 is billed as G0283', MEDICARE, '97014', 1, 'billed'],
    ['commercial: 97014 stays 97014', COMMERCIAL_8, '97014', 1, 'billed'],
  ])('%s', (_, context, cpt, units, outcome) => {
    const [line] = billingUnits([{ cpt, minutes: null }], context);
    expect([line.units, line.outcome]).toEqual([units, outcome]);
    expect(line.billedCode).toBe(context.medicare && cpt === '97014' ? 'G0283' : cpt);
  });

  it('refuses a code outside the catalogue (the request layer checks it first)', () => {
    expect(() => billingUnits([{ cpt: '99999', minutes: 10 }], COMMERCIAL_8)).toThrow('99999');
  });
});
