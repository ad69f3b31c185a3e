import { ICD10_CM, isValidNpi } from './identifiers';

describe('NPI check digit (Luhn with the 80840 prefix)', () => {
  it.each([
    ['1234567893', true], // CMS's worked example
    ['1245319599', true],
    ['1234567890', false],
    ['123456789', false],
    ['12345678931', false],
    ['123456789X', false],
  ])('%s: %s', (npi, valid) => expect(isValidNpi(npi)).toBe(valid));
});

describe('ICD-10-CM format', () => {
  it.each([
    ['M62.830', true],
    ['M54.50', true],
    ['S39.012A', true],
    ['M1A.0110', true],
    ['U07.1', true],
    ['M54', true],
    ['m62.830', false],
    ['M62.83000', false],
    ['62.830', false],
    ['M62830', false],
  ])('%s: %s', (code, valid) => expect(ICD10_CM.test(code)).toBe(valid));
});
