/**
 * Failed SMTP hand-offs, shaped as nodemailer reports them: an Error with `code` (its own error
 * code), and when a server answered, `responseCode` (the RFC 5321 reply code) and `response`
 * (the server's reply text, which starts with the code again).
 */
import { classifySmtpFailure, type SmtpFailure } from './smtp-failure';

interface NodemailerErrorFields {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
}

const smtpError = (message: string, fields: NodemailerErrorFields = {}): Error =>
  Object.assign(new Error(message), fields);

describe('classifySmtpFailure: a server reply code decides', () => {
  it.each<[string, unknown, SmtpFailure]>([
    [
      '550 unknown recipient',
      smtpError(
        "Can't send mail - all recipients were rejected: 550 5.1.1 <pat@example.com>: Recipient address rejected: User unknown",
        {
          code: 'EENVELOPE',
          responseCode: 550,
          response: '550 5.1.1 <pat@example.com>: Recipient address rejected: User unknown',
          command: 'RCPT TO',
        },
      ),
      {
        kind: 'permanent',
        reason: 'SMTP 550: 550 5.1.1 <pat@example.com>: Recipient address rejected: User unknown',
      },
    ],
    [
      '554 rejected as spam',
      smtpError('Message failed: 554 5.7.1 Message rejected as spam', {
        code: 'EMESSAGE',
        responseCode: 554,
        response: '554 5.7.1 Message rejected as spam',
        command: 'DATA',
      }),
      { kind: 'permanent', reason: 'SMTP 554: 554 5.7.1 Message rejected as spam' },
    ],
    [
      '552 mailbox full',
      smtpError('Message failed: 552 5.2.2 Mailbox full', {
        code: 'EMESSAGE',
        responseCode: 552,
        response: '552 5.2.2 Mailbox full',
        command: 'DATA',
      }),
      { kind: 'permanent', reason: 'SMTP 552: 552 5.2.2 Mailbox full' },
    ],
    [
      '553 mailbox name not allowed',
      smtpError('Mail command failed: 553 5.1.8 Sender address rejected', {
        code: 'EENVELOPE',
        responseCode: 553,
        response: '553 5.1.8 Sender address rejected',
        command: 'MAIL FROM',
      }),
      { kind: 'permanent', reason: 'SMTP 553: 553 5.1.8 Sender address rejected' },
    ],
    [
      '535 authentication failed',
      smtpError('Invalid login: 535 5.7.8 Authentication credentials invalid', {
        code: 'EAUTH',
        responseCode: 535,
        response: '535 5.7.8 Authentication credentials invalid',
        command: 'AUTH PLAIN',
      }),
      { kind: 'permanent', reason: 'SMTP 535: 535 5.7.8 Authentication credentials invalid' },
    ],
    [
      '421 service shutting down',
      smtpError('421 4.3.2 Service not available, closing transmission channel', {
        code: 'EPROTOCOL',
        responseCode: 421,
        response: '421 4.3.2 Service not available, closing transmission channel',
      }),
      {
        kind: 'transient',
        reason: 'SMTP 421: 421 4.3.2 Service not available, closing transmission channel',
      },
    ],
    [
      '450 mailbox busy, though nodemailer calls it EENVELOPE',
      smtpError("Can't send mail - all recipients were rejected: 450 4.2.1 Mailbox busy", {
        code: 'EENVELOPE',
        responseCode: 450,
        response: '450 4.2.1 Mailbox busy',
        command: 'RCPT TO',
      }),
      { kind: 'transient', reason: 'SMTP 450: 450 4.2.1 Mailbox busy' },
    ],
    [
      '451 greylisted',
      smtpError("Can't send mail - all recipients were rejected: 451 4.7.1 Greylisted", {
        code: 'EENVELOPE',
        responseCode: 451,
        response: '451 4.7.1 Greylisted, please try again later',
        command: 'RCPT TO',
      }),
      { kind: 'transient', reason: 'SMTP 451: 451 4.7.1 Greylisted, please try again later' },
    ],
    [
      '452 insufficient storage at DATA, though nodemailer calls it EMESSAGE',
      smtpError('Message failed: 452 4.3.1 Insufficient system storage', {
        code: 'EMESSAGE',
        responseCode: 452,
        response: '452 4.3.1 Insufficient system storage',
        command: 'DATA',
      }),
      { kind: 'transient', reason: 'SMTP 452: 452 4.3.1 Insufficient system storage' },
    ],
    [
      'a plain object with a reply code',
      { responseCode: 550, response: '550 No such user here', message: 'rejected' },
      { kind: 'permanent', reason: 'SMTP 550: 550 No such user here' },
    ],
  ])('%s', (_what, error, expected) => {
    expect(classifySmtpFailure(error)).toEqual(expected);
  });

  it.each([500, 501, 502, 503, 504, 521, 530, 535, 541, 550, 551, 552, 553, 554, 556, 599])(
    '%i is permanent and named in the reason',
    (responseCode) => {
      const failure = classifySmtpFailure(
        smtpError('server said no', { responseCode, response: `${responseCode} no` }),
      );
      expect(failure).toEqual({
        kind: 'permanent',
        reason: `SMTP ${responseCode}: ${responseCode} no`,
      });
    },
  );

  it.each([400, 421, 432, 450, 451, 452, 454, 455, 499])(
    '%i is transient and named in the reason',
    (responseCode) => {
      const failure = classifySmtpFailure(
        smtpError('server said later', { responseCode, response: `${responseCode} later` }),
      );
      expect(failure).toEqual({
        kind: 'transient',
        reason: `SMTP ${responseCode}: ${responseCode} later`,
      });
    },
  );
});

describe('classifySmtpFailure: the reason text', () => {
  it.each<[string, NodemailerErrorFields & { message: string }, string]>([
    [
      'a multi-line reply (CRLF) gives its first line',
      {
        message: 'rejected',
        responseCode: 550,
        response:
          '550-5.7.1 [203.0.113.9] Our system has detected that this message is\r\n550-5.7.1 likely unsolicited mail.\r\n550 5.7.1 See the policy page.',
      },
      'SMTP 550: 550-5.7.1 [203.0.113.9] Our system has detected that this message is',
    ],
    [
      'a multi-line reply (LF) gives its first line',
      {
        message: 'rejected',
        responseCode: 421,
        response: '421-4.7.0 Try again later\n421 4.7.0 closing connection',
      },
      'SMTP 421: 421-4.7.0 Try again later',
    ],
    [
      'no reply text: the message stands in',
      { message: 'Message failed', responseCode: 554 },
      'SMTP 554: Message failed',
    ],
    [
      'an empty reply text: the message stands in',
      { message: 'Message failed', responseCode: 554, response: '' },
      'SMTP 554: Message failed',
    ],
    [
      'a multi-line message standing in gives its first line',
      { message: 'Greeting never received\nafter 30000 ms', responseCode: 451 },
      'SMTP 451: Greeting never received',
    ],
  ])('%s', (_what, { message, ...fields }, reason) => {
    expect(classifySmtpFailure(smtpError(message, fields)).reason).toBe(reason);
  });

  it('cuts a very long reply line to 300 characters', () => {
    const response = `550 ${'x'.repeat(1000)}`;
    const { kind, reason } = classifySmtpFailure(
      smtpError('rejected', { responseCode: 550, response }),
    );
    expect(kind).toBe('permanent');
    expect(reason).toBe(`SMTP 550: ${response.slice(0, 300)}`);
  });
});

describe('classifySmtpFailure: no reply code', () => {
  it.each<[string, unknown, SmtpFailure]>([
    [
      'connection refused',
      smtpError('connect ECONNREFUSED 203.0.113.25:587', { code: 'ECONNECTION' }),
      { kind: 'transient', reason: 'ECONNECTION: connect ECONNREFUSED 203.0.113.25:587' },
    ],
    [
      'connection timeout',
      smtpError('Connection timeout', { code: 'ETIMEDOUT', command: 'CONN' }),
      { kind: 'transient', reason: 'ETIMEDOUT: Connection timeout' },
    ],
    [
      'socket closed',
      smtpError('Client network socket disconnected before secure TLS connection was established', {
        code: 'ESOCKET',
      }),
      {
        kind: 'transient',
        reason:
          'ESOCKET: Client network socket disconnected before secure TLS connection was established',
      },
    ],
    [
      'DNS lookup failed',
      smtpError('getaddrinfo ENOTFOUND smtp.example.com', { code: 'EDNS' }),
      { kind: 'transient', reason: 'EDNS: getaddrinfo ENOTFOUND smtp.example.com' },
    ],
    [
      'TLS trouble',
      smtpError('Error initiating TLS', { code: 'ETLS' }),
      { kind: 'transient', reason: 'ETLS: Error initiating TLS' },
    ],
    [
      'EENVELOPE: a message no server will take',
      smtpError('No recipients defined', { code: 'EENVELOPE' }),
      { kind: 'permanent', reason: 'EENVELOPE: No recipients defined' },
    ],
    [
      'EMESSAGE: a message nodemailer could not build',
      smtpError('Invalid attachment', { code: 'EMESSAGE' }),
      { kind: 'permanent', reason: 'EMESSAGE: Invalid attachment' },
    ],
    [
      'a reply code outside 4xx/5xx does not count: EMESSAGE still permanent',
      smtpError('Unexpected reply', { code: 'EMESSAGE', responseCode: 354 }),
      { kind: 'permanent', reason: 'EMESSAGE: Unexpected reply' },
    ],
    [
      'a reply code outside 4xx/5xx does not count: ECONNECTION still transient',
      smtpError('Unexpected reply', { code: 'ECONNECTION', responseCode: 250 }),
      { kind: 'transient', reason: 'ECONNECTION: Unexpected reply' },
    ],
    [
      'an Error without a code',
      new Error('socket hang up'),
      { kind: 'transient', reason: 'socket hang up' },
    ],
    [
      'a plain string thrown',
      'Mail server unreachable',
      { kind: 'transient', reason: 'Mail server unreachable' },
    ],
    ['null thrown', null, { kind: 'transient', reason: 'null' }],
    ['undefined thrown', undefined, { kind: 'transient', reason: 'undefined' }],
    ['a number thrown', 42, { kind: 'transient', reason: '42' }],
  ])('%s', (_what, error, expected) => {
    expect(classifySmtpFailure(error)).toEqual(expected);
  });
});
