import { emailSilence, emailWarning, registrationWarnings } from './email-reach';

describe('emailSilence', () => {
  it.each<[string, string | null, boolean, ReturnType<typeof emailSilence>]>([
    ['address and consent', 'a@b.test', true, null],
    ['address without consent', 'a@b.test', false, 'no_consent'],
    ['no address', null, false, 'no_address'],
    ['empty address', '', false, 'no_address'],
    ['consent but no address (the database refuses it)', null, true, 'no_address'],
  ])('%s', (_, email, emailConsent, expected) => {
    expect(emailSilence({ email, emailConsent })).toBe(expected);
  });
});

describe('emailWarning', () => {
  it('names the field and the reason', () => {
    expect(emailWarning({ email: 'a@b.test', emailConsent: false }, 'patientId')).toEqual({
      silence: 'no_consent',
      field: 'patientId',
      reason: 'no consent to email on file',
      message: expect.stringContaining('no confirmation or reminder emails'),
    });
    expect(emailWarning({ email: 'a@b.test', emailConsent: true }, 'patientId')).toBeNull();
  });
});

describe('registrationWarnings', () => {
  it.each<[string, string, string | null, boolean, string[]]>([
    ['email preferred, consent given', 'email', 'a@b.test', true, []],
    ['email preferred, no consent', 'email', 'a@b.test', false, ['emailConsent']],
    ['email preferred, no address', 'email', null, false, ['email']],
    ['phone preferred, no consent', 'phone', 'a@b.test', false, []],
    ['mail preferred, no address', 'mail', null, false, []],
  ])('%s', (_, preferredContact, email, emailConsent, fields) => {
    const warnings = registrationWarnings({ preferredContact, email, emailConsent });
    expect(warnings.map((warning) => warning.field)).toEqual(fields);
    for (const warning of warnings)
      expect(warning.reason).toMatch(/^preferred contact is email, but /);
  });
});
