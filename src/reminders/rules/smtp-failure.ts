/**
 * What a failed SMTP hand-off means for the next attempt. Reply codes follow RFC 5321 section
 * 4.2.1: 4yz is a transient negative completion (try again later), 5yz a permanent one (the same
 * message will fail again). Without a reply code nothing reached a server's verdict (refused or
 * dropped connection, timeout, TLS or DNS trouble), which is worth retrying as well. A connection
 * that drops after the message went but before the server's reply cannot be told apart from one
 * that dropped earlier; it is retried too, with the same Message-ID, which receiving systems
 * that deduplicate by Message-ID collapse into one.
 */
export type SmtpFailureKind = 'transient' | 'permanent';

export interface SmtpFailure {
  kind: SmtpFailureKind;
  reason: string;
}

interface SmtpErrorShape {
  responseCode?: unknown;
  response?: unknown;
  code?: unknown;
  message?: unknown;
}

/** Nodemailer's error codes for a message it refused to build: no server will take it. */
const MESSAGE_ERRORS = new Set(['EENVELOPE', 'EMESSAGE']);

export function classifySmtpFailure(error: unknown): SmtpFailure {
  const shape = (typeof error === 'object' && error !== null ? error : {}) as SmtpErrorShape;
  const message = typeof shape.message === 'string' ? shape.message : String(error);
  const code = typeof shape.code === 'string' ? shape.code : undefined;
  const reply = typeof shape.responseCode === 'number' ? shape.responseCode : undefined;
  if (reply !== undefined && reply >= 500 && reply < 600) {
    return { kind: 'permanent', reason: `SMTP ${reply}: ${firstLine(shape.response, message)}` };
  }
  if (reply !== undefined && reply >= 400 && reply < 500) {
    return { kind: 'transient', reason: `SMTP ${reply}: ${firstLine(shape.response, message)}` };
  }
  if (code && MESSAGE_ERRORS.has(code)) return { kind: 'permanent', reason: `${code}: ${message}` };
  return { kind: 'transient', reason: code ? `${code}: ${message}` : message };
}

function firstLine(response: unknown, fallback: string): string {
  const text = typeof response === 'string' && response !== '' ? response : fallback;
  return text.split(/\r?\n/)[0].slice(0, 300);
}
