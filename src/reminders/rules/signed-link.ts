import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Tokens for links in emails that work without a login (one-click unsubscribe): the subject id
 * and an HMAC-SHA256 over purpose and id, so a token for one purpose or patient cannot be
 * turned into another.
 */
export function signLink(secret: string, purpose: string, subjectId: string): string {
  return `${Buffer.from(subjectId).toString('base64url')}.${mac(secret, purpose, subjectId)}`;
}

/** The subject id of a valid token, or null for anything forged, truncated or malformed. */
export function verifyLink(secret: string, purpose: string, token: string): string | null {
  const [encodedId, signature, extra] = token.split('.');
  if (!encodedId || !signature || extra !== undefined) return null;
  const subjectId = Buffer.from(encodedId, 'base64url').toString();
  const expected = Buffer.from(mac(secret, purpose, subjectId));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? subjectId : null;
}

function mac(secret: string, purpose: string, subjectId: string): string {
  return createHmac('sha256', secret).update(`${purpose}\n${subjectId}`).digest('base64url');
}
