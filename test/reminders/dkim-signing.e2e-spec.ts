import { DateTime } from 'luxon';
import { generateKeyPairSync } from 'node:crypto';
import { dkimVerify } from 'mailauth/lib/dkim/verify';
import { plusDays } from '../scheduling/calendar-dates';
import { SmtpSink, type ReceivedMail } from '../support/smtp-sink';
import { startTestApp, type TestApp } from '../support/test-app';
import { emailClinic, type EmailClinic } from './clinic';

/** MAIL_FROM's domain by default (no-reply@pt-practice.test), so the signature aligns for DMARC. */
const DOMAIN = 'pt-practice.test';
const SELECTOR = 'pt2026';
const ZONE = 'America/New_York';

/**
 * DKIM signing from configuration, checked as a receiving mail server would: the test makes a
 * key pair, the app signs with the private key, and mailauth verifies what the SMTP server
 * received against the public key published (here: answered) as the selector's TXT record.
 */
describe('DKIM-signed patient emails', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const txtRecord = `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
  /** DNS as seen by the receiver: the selector's TXT record, nothing else. */
  const resolver = (name: string, type: string): Promise<string[][]> =>
    type === 'TXT' && name.toLowerCase() === `${SELECTOR}._domainkey.${DOMAIN}`
      ? Promise.resolve([[txtRecord]])
      : Promise.reject(
          Object.assign(new Error(`query${type} ENOTFOUND ${name}`), { code: 'ENOTFOUND' }),
        );

  let sink: SmtpSink;
  let t: TestApp;
  let clinic: EmailClinic;
  let mail: ReceivedMail;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await startTestApp({
      env: {
        SMTP_URL: sink.url,
        OUTBOX_POLL_MS: '50',
        DKIM_DOMAIN: DOMAIN,
        DKIM_SELECTOR: SELECTOR,
        DKIM_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      },
    });
    clinic = await emailClinic(t, { timeZone: ZONE });
    const patient = await clinic.patient();
    const day = plusDays(DateTime.now().setZone(ZONE).toISODate()!, 5);
    await t.http
      .post('/appointments')
      .set('Authorization', clinic.admin.authorization)
      .send({
        patientId: patient.id,
        appointmentTypeId: clinic.typeId,
        locationId: clinic.locationId,
        therapistId: clinic.therapist.id,
        localStart: `${day}T09:00`,
      })
      .expect(201);
    [mail] = await sink.waitFor(patient.email, 1);
  });

  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  const verify = async (message: string) => (await dkimVerify(message, { resolver })).results;

  it('signs the confirmation with the configured domain and selector, and it verifies', async () => {
    const [result, ...others] = await verify(mail.raw);

    expect(others).toHaveLength(0);
    expect(result).toMatchObject({
      signingDomain: DOMAIN,
      selector: SELECTOR,
      status: { result: 'pass', aligned: DOMAIN },
    });
  });

  it('signs the one-click unsubscribe headers, as RFC 8058 4 requires', () => {
    const head = mail.raw.split('\r\n\r\n')[0].replace(/\r\n[ \t]+/g, ' ');
    const signature = /^DKIM-Signature:(.*)$/im.exec(head)?.[1] ?? '';
    const signed = /\bh=([^;]+)/.exec(signature)?.[1].replace(/\s+/g, '').toLowerCase().split(':');

    expect(signed).toEqual(
      expect.arrayContaining(['from', 'subject', 'list-unsubscribe', 'list-unsubscribe-post']),
    );
  });

  // mailauth, like Gmail, reports a body that no longer matches `bh=` as "neutral (body hash did
  // not verify)" and keeps "fail" for a signature that does not match the signed headers. Either
  // way the signature does not pass, so DMARC does not count it.
  it('no longer passes once the body is altered (the clinic phone number changed)', async () => {
    const phone = '570-555-0142';
    expect(mail.parsed.text).toContain(phone);

    const [result] = await verify(mail.raw.replace(phone, '570-555-0199'));

    expect(result.status).toMatchObject({ result: 'neutral', comment: 'body hash did not verify' });
  });

  it('fails once a signed header is altered (the unsubscribe link)', async () => {
    const tampered = mail.raw.replace(/(List-Unsubscribe:\s*<[^>]*token=)/i, '$1X');
    expect(tampered).not.toBe(mail.raw);

    const [result] = await verify(tampered);

    expect(result.status).toMatchObject({ result: 'fail', comment: 'bad signature' });
  });
});
