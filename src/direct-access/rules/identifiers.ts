/**
 * Identifiers on referrals and signatures.
 *
 * NPI: ten digits, the last a Luhn check digit computed over the nine others prefixed with the
 * card-issuer prefix 80840 (CMS, "Requirements for Constructing an Identifier: The National
 * Provider Identifier", 45 CFR 162.406; ISO/IEC 7812). With the prefix the Luhn sum starts at 24.
 */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  let sum = 24;
  for (let i = 0; i < 9; i += 1) {
    let digit = Number(npi[8 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10 === Number(npi[9]);
}

/**
 * ICD-10-CM code format (CDC/NCHS ICD-10-CM Official Guidelines, Section I.A; the code set's
 * tabular list): a letter, a digit, a digit or letter (C4A, M1A), then optionally a dot and one to
 * four digits or letters (M62.830 back spasm, S39.012A with its seventh character). Format only:
 * whether the code exists is the code set's to say.
 */
export const ICD10_CM = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;
