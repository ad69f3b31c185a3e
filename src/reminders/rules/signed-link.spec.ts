/**
 * Signed tokens in one-click links (unsubscribe): a link forged, altered or minted for another
 * purpose or patient must not work.
 */
import { signLink, verifyLink } from './signed-link';

const SECRET = 'reminder-link-secret-for-tests-0123456789';
const OTHER_SECRET = 'reminder-link-secret-for-tests-9876543210';
const UNSUBSCRIBE = 'unsubscribe';
const PATIENT = '0f8fad5b-d9cb-469f-a165-70867728950e';
const OTHER_PATIENT = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

const URL_SAFE = /^[A-Za-z0-9_.-]+$/;

/** Replaces the character at `index` with one that certainly differs. */
const flip = (text: string, index: number): string =>
  text.slice(0, index) + (text[index] === 'A' ? 'B' : 'A') + text.slice(index + 1);

const token = signLink(SECRET, UNSUBSCRIBE, PATIENT);
const [encodedId, signature] = token.split('.');
const otherToken = signLink(SECRET, UNSUBSCRIBE, OTHER_PATIENT);
const [otherEncodedId, otherSignature] = otherToken.split('.');

const SUBJECT_IDS: [string, string][] = [
  ['a UUID', PATIENT],
  ['another UUID', OTHER_PATIENT],
  ['a short id', 'patient-42'],
  ['a one-character id', '1'],
  ['a non-ASCII id', 'Zoë Ünal'],
  ["an id whose base64 has '+' and '/'", '??>>??'],
  ['an id with dots', 'a.b.c'],
  ['a 200-character id', 'x'.repeat(200)],
];

describe('signLink / verifyLink round trip', () => {
  it.each(SUBJECT_IDS)('gives back %s', (_label, subjectId) => {
    expect(verifyLink(SECRET, UNSUBSCRIBE, signLink(SECRET, UNSUBSCRIBE, subjectId))).toBe(
      subjectId,
    );
  });

  it.each(['unsubscribe', 'email_preferences', 'confirm_appointment'])(
    'works for the purpose %s',
    (purpose) => {
      expect(verifyLink(SECRET, purpose, signLink(SECRET, purpose, PATIENT))).toBe(PATIENT);
    },
  );

  it('is stable: the same link signs to the same token', () => {
    expect(signLink(SECRET, UNSUBSCRIBE, PATIENT)).toBe(token);
  });

  it.each<[string, string]>([
    ['another secret', signLink(OTHER_SECRET, UNSUBSCRIBE, PATIENT)],
    ['another purpose', signLink(SECRET, 'email_preferences', PATIENT)],
    ['another patient', otherToken],
  ])('differs for %s', (_what, different) => {
    expect(different).not.toBe(token);
  });
});

describe('verifyLink rejects', () => {
  it.each<[string, string, string, string]>([
    // [what, secret, purpose, token]
    [
      'a token signed with another secret',
      SECRET,
      UNSUBSCRIBE,
      signLink(OTHER_SECRET, UNSUBSCRIBE, PATIENT),
    ],
    ['a good token checked against another secret', OTHER_SECRET, UNSUBSCRIBE, token],
    [
      'a token minted for another purpose',
      SECRET,
      UNSUBSCRIBE,
      signLink(SECRET, 'email_preferences', PATIENT),
    ],
    ['an unsubscribe token used for another purpose', SECRET, 'email_preferences', token],
    [
      'another patient id under this signature',
      SECRET,
      UNSUBSCRIBE,
      `${otherEncodedId}.${signature}`,
    ],
    [
      'this patient id under another signature',
      SECRET,
      UNSUBSCRIBE,
      `${encodedId}.${otherSignature}`,
    ],
    [
      'a hand-made id under this signature',
      SECRET,
      UNSUBSCRIBE,
      `${Buffer.from('patient-43').toString('base64url')}.${signature}`,
    ],
    [
      'a signature with its first character changed',
      SECRET,
      UNSUBSCRIBE,
      `${encodedId}.${flip(signature, 0)}`,
    ],
    [
      'a signature with a middle character changed',
      SECRET,
      UNSUBSCRIBE,
      `${encodedId}.${flip(signature, 20)}`,
    ],
    [
      'a signature with its last character changed',
      SECRET,
      UNSUBSCRIBE,
      `${encodedId}.${flip(signature, signature.length - 1)}`,
    ],
    ['an id with a character changed', SECRET, UNSUBSCRIBE, `${flip(encodedId, 3)}.${signature}`],
    ['a signature in upper case', SECRET, UNSUBSCRIBE, `${encodedId}.${signature.toUpperCase()}`],
    ['a signature padded with =', SECRET, UNSUBSCRIBE, `${token}=`],
    ['a signature with a space after it', SECRET, UNSUBSCRIBE, `${token} `],
    ['a signature missing its last character', SECRET, UNSUBSCRIBE, token.slice(0, -1)],
    ['a token cut in half', SECRET, UNSUBSCRIBE, token.slice(0, Math.floor(token.length / 2))],
    ['only the id', SECRET, UNSUBSCRIBE, encodedId],
    ['the id and a dot', SECRET, UNSUBSCRIBE, `${encodedId}.`],
    ['only the signature', SECRET, UNSUBSCRIBE, `.${signature}`],
    ['the signature alone, without a dot', SECRET, UNSUBSCRIBE, signature],
    ['an extra dot segment', SECRET, UNSUBSCRIBE, `${token}.extra`],
    ['a trailing dot', SECRET, UNSUBSCRIBE, `${token}.`],
    ['a leading dot', SECRET, UNSUBSCRIBE, `.${token}`],
    ['two tokens joined', SECRET, UNSUBSCRIBE, `${token}.${otherToken}`],
    ['the empty string', SECRET, UNSUBSCRIBE, ''],
    ['a lone dot', SECRET, UNSUBSCRIBE, '.'],
    ['two dots', SECRET, UNSUBSCRIBE, '..'],
    ['garbage', SECRET, UNSUBSCRIBE, 'not-a-token'],
    ['garbage with a dot', SECRET, UNSUBSCRIBE, 'abc.def'],
    ['non-ASCII garbage', SECRET, UNSUBSCRIBE, 'ñöñ.🙂🙂🙂'],
    [
      'a signature of the right length in multi-byte characters',
      SECRET,
      UNSUBSCRIBE,
      `${encodedId}.${'é'.repeat(signature.length)}`,
    ],
    ['the raw patient id', SECRET, UNSUBSCRIBE, PATIENT],
    [
      'a JWT-shaped string',
      SECRET,
      UNSUBSCRIBE,
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl',
    ],
  ])('%s', (_what, secret, purpose, candidate) => {
    expect(verifyLink(secret, purpose, candidate)).toBeNull();
  });
});

describe('token shape', () => {
  it.each(SUBJECT_IDS)('for %s is URL-safe, with exactly one dot', (_label, subjectId) => {
    for (const purpose of ['unsubscribe', 'email_preferences']) {
      const signed = signLink(SECRET, purpose, subjectId);
      expect(signed).toMatch(URL_SAFE);
      expect(encodeURIComponent(signed)).toBe(signed);
      expect(signed.split('.')).toHaveLength(2);
    }
  });

  it('carries a 256-bit signature (43 base64url characters)', () => {
    expect(signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
