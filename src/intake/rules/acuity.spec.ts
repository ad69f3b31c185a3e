/**
 * Episode acuity (ACP guideline, Qaseem 2017): acute under 4 weeks (< 28 days), subacute 4 to 12
 * weeks (28..84 days inclusive), chronic over 12 weeks (> 84 days), counted in calendar days.
 */
import { ACUITY_RULES, acuityOf, daysBetween } from './acuity';

describe('ACUITY_RULES', () => {
  it('holds the ACP 2017 limits in days', () => {
    expect(ACUITY_RULES).toEqual({
      version: 'acp-2017',
      subacuteFromDays: 28,
      chronicAfterDays: 84,
    });
  });
});

describe('daysBetween', () => {
  it.each([
    ['2026-01-01', '2026-01-01', 0],
    ['2026-01-01', '2026-01-02', 1],
    ['2026-01-02', '2026-01-01', -1],
    ['2026-01-31', '2026-02-01', 1],
    ['2025-12-31', '2026-01-01', 1],
    ['2024-02-28', '2024-02-29', 1],
    ['2024-02-28', '2024-03-01', 2],
    ['2023-02-28', '2023-03-01', 1],
    ['2024-01-01', '2024-12-31', 365],
    ['2025-01-01', '2025-12-31', 364],
    ['2024-01-01', '2025-01-01', 366],
    ['2025-01-01', '2026-01-01', 365],
    ['2000-02-28', '2000-03-01', 2],
    ['2100-02-28', '2100-03-01', 1],
    ['2020-01-01', '2026-01-01', 2192],
  ])('from %s to %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  // US daylight saving time 2026 starts 2026-03-08 and ends 2026-11-01 (23- and 25-hour days);
  // Europe changes on 2026-03-29 and 2026-10-25. Calendar days are counted, not 24-hour spans.
  // (Jest gives each test file its own copy of process.env, so TZ cannot be switched here; the
  // suite runs with TZ=UTC like the service.)
  const DST_CASES: [string, string, number][] = [
    ['2026-03-07', '2026-03-08', 1],
    ['2026-03-08', '2026-03-09', 1],
    ['2026-03-07', '2026-03-09', 2],
    ['2026-03-01', '2026-03-31', 30],
    ['2026-02-08', '2026-03-08', 28],
    ['2026-10-31', '2026-11-01', 1],
    ['2026-11-01', '2026-11-02', 1],
    ['2026-10-31', '2026-11-02', 2],
    ['2026-10-04', '2026-11-01', 28],
    ['2026-10-01', '2026-11-30', 60],
    ['2026-03-28', '2026-03-30', 2],
    ['2026-10-24', '2026-10-26', 2],
    ['2026-03-08', '2026-11-01', 238],
  ];

  it.each(DST_CASES)('from %s to %s is %i calendar days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
    expect(daysBetween(to, from)).toBe(-days);
  });

  it('classifies 28 days across the spring change as subacute', () => {
    expect(acuityOf('2026-02-08', '2026-03-08')).toBe('subacute');
    expect(acuityOf('2026-02-09', '2026-03-08')).toBe('acute');
  });

  it('classifies 84 and 85 days across the autumn change', () => {
    expect(acuityOf('2026-08-09', '2026-11-01')).toBe('subacute');
    expect(acuityOf('2026-08-08', '2026-11-01')).toBe('chronic');
  });
});

describe('acuityOf', () => {
  it.each([
    ['2026-01-01', '2026-01-01', 0, 'acute'],
    ['2026-01-01', '2026-01-02', 1, 'acute'],
    ['2026-01-01', '2026-01-28', 27, 'acute'],
    ['2026-01-01', '2026-01-29', 28, 'subacute'],
    ['2026-01-01', '2026-01-30', 29, 'subacute'],
    ['2026-01-01', '2026-02-26', 56, 'subacute'],
    ['2026-01-01', '2026-03-26', 84, 'subacute'],
    ['2026-01-01', '2026-03-27', 85, 'chronic'],
    ['2026-01-01', '2027-01-01', 365, 'chronic'],
    // month ends
    ['2026-01-31', '2026-02-27', 27, 'acute'],
    ['2026-01-31', '2026-02-28', 28, 'subacute'],
    ['2026-01-31', '2026-03-01', 29, 'subacute'],
    ['2026-04-30', '2026-05-28', 28, 'subacute'],
    ['2026-04-30', '2026-05-27', 27, 'acute'],
    ['2025-12-31', '2026-01-28', 28, 'subacute'],
    ['2025-12-31', '2026-01-27', 27, 'acute'],
    // leap years
    ['2024-02-01', '2024-02-28', 27, 'acute'],
    ['2024-02-01', '2024-02-29', 28, 'subacute'],
    ['2023-02-01', '2023-03-01', 28, 'subacute'],
    ['2023-02-01', '2023-02-28', 27, 'acute'],
    ['2024-02-29', '2024-03-28', 28, 'subacute'],
    ['2024-02-29', '2024-03-27', 27, 'acute'],
    ['2023-12-31', '2024-03-24', 84, 'subacute'],
    ['2023-12-31', '2024-03-25', 85, 'chronic'],
    ['2024-02-29', '2024-05-23', 84, 'subacute'],
    ['2024-02-29', '2024-05-24', 85, 'chronic'],
  ])('onset %s, assessed %s (%i days): %s', (onset, assessed, days, acuity) => {
    expect(daysBetween(onset, assessed)).toBe(days);
    expect(acuityOf(onset, assessed)).toBe(acuity);
  });

  it.each([
    ['2026-03-02', '2026-03-01'],
    ['2026-01-01', '2025-12-31'],
    ['2024-03-01', '2024-02-29'],
    ['2027-01-01', '2026-01-01'],
  ])('refuses an onset (%s) after the assessment (%s) with a RangeError', (onset, assessed) => {
    expect(() => acuityOf(onset, assessed)).toThrow(RangeError);
  });
});

describe('dates that are not calendar dates', () => {
  it.each([
    ['garbage', '2026-01-01'],
    ['2026-01-01', ''],
    ['2026-02-30', '2026-03-02'],
  ])('refuses %s to %s', (from, to) => {
    expect(() => acuityOf(from, to)).toThrow(RangeError);
  });
});
