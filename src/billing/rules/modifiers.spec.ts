/**
 * Claim modifiers: GP on Medicare PT lines, CQ for an assistant's services, KX above the year's
 * therapy threshold (every amount billing.md lists), 59 on an NCCI pair's column-two code.
 */
import {
  claimModifiers,
  type ClaimLine,
  type ModifierContext,
  THERAPY_THRESHOLDS,
  therapyThresholdCents,
} from './modifiers';

const MEDICARE: ModifierContext = {
  medicare: true,
  ncci: true,
  byAssistant: false,
  yearToDateCents: 0,
  thresholdCents: 248_000,
};
const COMMERCIAL: ModifierContext = { ...MEDICARE, medicare: false, ncci: false };
const line = (billedCode: string, units = 1, chargeCents = 5_000): ClaimLine => ({
  billedCode,
  units,
  chargeCents,
});

describe('KX threshold amounts by year (billing.md)', () => {
  it.each([
    [2021, null],
    [2022, 215_000],
    [2023, 223_000],
    [2024, 233_000],
    [2025, 241_000],
    [2026, 248_000],
    [2027, null],
  ])('%i: %p cents', (year, cents) => {
    expect(therapyThresholdCents(year)).toBe(cents);
  });

  it('every amount carries its source', () => {
    for (const entry of THERAPY_THRESHOLDS) expect(entry.source).not.toHaveLength(0);
  });
});

describe('claimModifiers', () => {
  it.each<[string, ClaimLine[], ModifierContext, string[][]]>([
    ['GP on every Medicare line', [line('97110'), line('97140')], MEDICARE, [['GP'], ['GP']]],
    ['nothing for a commercial payer', [line('97110')], COMMERCIAL, [[]]],
    [
      'no modifiers on a line not billed',
      [line('97110'), line('97035', 0)],
      MEDICARE,
      [['GP'], []],
    ],
    [
      'CQ first when an assistant treated a Medicare patient',
      [line('97110')],
      { ...MEDICARE, byAssistant: true },
      [['CQ', 'GP']],
    ],
    ['no CQ for a commercial payer', [line('97110')], { ...COMMERCIAL, byAssistant: true }, [[]]],
    [
      'KX from the line that carries the year past the threshold',
      [line('97110', 1, 3_000), line('97140', 1, 3_000), line('97116', 1, 3_000)],
      { ...MEDICARE, yearToDateCents: 243_000 },
      [['GP'], ['GP', 'KX'], ['GP', 'KX']],
    ],
    [
      'exactly at the threshold is not above it',
      [line('97110', 1, 5_000)],
      { ...MEDICARE, yearToDateCents: 243_000 },
      [['GP']],
    ],
    [
      'one cent over the threshold',
      [line('97110', 1, 5_001)],
      { ...MEDICARE, yearToDateCents: 243_000 },
      [['GP', 'KX']],
    ],
    [
      'no KX for a year without a threshold',
      [line('97110')],
      { ...MEDICARE, yearToDateCents: 900_000, thresholdCents: null },
      [['GP']],
    ],
    [
      'no KX for a commercial payer past the amount',
      [line('97110')],
      { ...COMMERCIAL, yearToDateCents: 900_000 },
      [[]],
    ],
    [
      '59 on 97530 billed with 97140 (NCCI PTP)',
      [line('97140'), line('97530')],
      MEDICARE,
      [['GP'], ['59', 'GP']],
    ],
    ['no 59 when 97140 bills no unit', [line('97140', 0), line('97530')], MEDICARE, [[], ['GP']]],
    ['no 59 where NCCI does not apply', [line('97140'), line('97530')], COMMERCIAL, [[], []]],
    [
      'all four together on an assistant’s visit past the threshold',
      [line('97140', 1, 4_000), line('97530', 1, 4_000)],
      { ...MEDICARE, byAssistant: true, yearToDateCents: 250_000 },
      [
        ['CQ', 'GP', 'KX'],
        ['CQ', '59', 'GP', 'KX'],
      ],
    ],
  ])('%s', (_, lines, context, expected) => {
    expect(claimModifiers(lines, context)).toEqual(expected);
  });
});
