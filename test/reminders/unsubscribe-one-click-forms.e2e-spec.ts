import { randomBytes } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmailLinks } from '../../src/reminders/email-links';
import { createLocation, createPatient } from '../factories';
import { startTestApp, type TestApp } from '../support/test-app';

const PROBLEM = /application\/problem\+json/;
const CRLF = '\r\n';

/**
 * The RFC 8058 8.3 request body, byte for byte (124 bytes). As printed, its Content-Type says
 * `boundary=---FormBoundaryjWmhtjORrn`, so its delimiter lines lack the two leading dashes
 * multipart requires; the errata make the boundary `-FormBoundaryjWmhtjORrn`. Both forms are
 * sent below: a provider may have copied either.
 */
const RFC_8058_BODY = [
  '---FormBoundaryjWmhtjORrn',
  'Content-Disposition: form-data; name="List-Unsubscribe"',
  '',
  'One-Click',
  '---FormBoundaryjWmhtjORrn--',
].join(CRLF);

/** What `curl -F List-Unsubscribe=One-Click <url>` sends (curl 7.88, captured). */
function curlForm(): { contentType: string; body: string } {
  const boundary = `${'-'.repeat(24)}${randomBytes(8).toString('hex')}`;
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    body:
      `--${boundary}${CRLF}Content-Disposition: form-data; name="List-Unsubscribe"${CRLF}${CRLF}` +
      `One-Click${CRLF}--${boundary}--${CRLF}`,
  };
}

/** A form with the one-click field and a file part holding `content`. */
function formWithFile(content: string): { contentType: string; body: string } {
  const boundary = `form-${randomBytes(8).toString('hex')}`;
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    body: [
      `--${boundary}`,
      'Content-Disposition: form-data; name="List-Unsubscribe"',
      '',
      'One-Click',
      `--${boundary}`,
      'Content-Disposition: form-data; name="attachment"; filename="notes.sh"',
      'Content-Type: application/octet-stream',
      '',
      content,
      `--${boundary}--`,
      '',
    ].join(CRLF),
  };
}

/** Files directly in the temporary directory, written since `since`, that hold `marker`. */
async function tmpFilesHolding(marker: string, since: number): Promise<string[]> {
  const found: string[] = [];
  for (const name of await readdir(tmpdir())) {
    const path = join(tmpdir(), name);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile() || info.mtimeMs < since || info.size > 1_000_000) continue;
    const text = await readFile(path, 'latin1').catch(() => '');
    if (text.includes(marker)) found.push(path);
  }
  return found;
}

describe('one-click unsubscribe (RFC 8058): the form bodies mail providers post', () => {
  let t: TestApp;
  let locationId: string;

  beforeAll(async () => {
    t = await startTestApp();
    locationId = (await createLocation(t.db)).id;
  });
  afterAll(() => t?.close());

  /** A patient who consented to email, and the path of their one-click unsubscribe link. */
  async function subscribedPatient(): Promise<{ id: string; link: string }> {
    const { id } = await createPatient(t.db, locationId);
    await t.db.query(
      `UPDATE patients SET email = $2, email_consent = true, email_consent_at = now() WHERE id = $1`,
      [id, `pat.${randomBytes(4).toString('hex')}@patients.example`],
    );
    const url = new URL(t.app.get(EmailLinks).unsubscribeUrl(id));
    return { id, link: `${url.pathname}${url.search}` };
  }

  const consentOf = async (patientId: string): Promise<boolean> =>
    (await t.db.query('SELECT email_consent FROM patients WHERE id = $1', [patientId])).rows[0]
      .email_consent as boolean;

  it.each<{ name: string; contentType: string; body: () => string }>([
    {
      name: 'the RFC 8058 8.3 multipart example (boundary as corrected by its errata)',
      contentType: 'multipart/form-data; boundary=-FormBoundaryjWmhtjORrn',
      body: () => RFC_8058_BODY,
    },
    {
      name: 'the RFC 8058 8.3 multipart example exactly as printed (delimiters off by two dashes)',
      contentType: 'multipart/form-data; boundary=---FormBoundaryjWmhtjORrn',
      body: () => RFC_8058_BODY,
    },
    {
      name: 'a urlencoded form (RFC 8058 8.1)',
      contentType: 'application/x-www-form-urlencoded',
      body: () => 'List-Unsubscribe=One-Click',
    },
  ])('unsubscribes on $name', async ({ contentType, body }) => {
    const patient = await subscribedPatient();
    const payload = body();
    if (contentType.startsWith('multipart/')) expect(Buffer.byteLength(payload)).toBe(124);

    const response = await t.http
      .post(patient.link)
      .set('Content-Type', contentType)
      .send(payload)
      .expect(200)
      .expect('content-type', /text\/html/);

    expect(response.text).toContain('You are unsubscribed');
    expect(await consentOf(patient.id)).toBe(false);
  });

  it('unsubscribes on the form `curl -F List-Unsubscribe=One-Click` sends', async () => {
    const patient = await subscribedPatient();
    const form = curlForm();

    await t.http
      .post(patient.link)
      .set('Content-Type', form.contentType)
      .send(form.body)
      .expect(200)
      .expect('content-type', /text\/html/);

    expect(await consentOf(patient.id)).toBe(false);
  });

  it('drops a file part without keeping or writing it, and the link still unsubscribes', async () => {
    const since = Date.now() - 1_000;
    const patient = await subscribedPatient();
    const marker = `file-part-${randomBytes(12).toString('hex')}`;
    const form = formWithFile(`#!/bin/sh\necho ${marker}\n`);

    await t.http
      .post(patient.link)
      .set('Content-Type', form.contentType)
      .send(form.body)
      .expect(200)
      .expect('content-type', /text\/html/);

    expect(await consentOf(patient.id)).toBe(false);
    expect(await tmpFilesHolding(marker, since)).toEqual([]);
  });

  it('refuses a multipart body over a few KiB with 413, unsubscribes no one and stays up', async () => {
    const since = Date.now() - 1_000;
    const patient = await subscribedPatient();
    const marker = `big-file-${randomBytes(12).toString('hex')}`;
    const form = formWithFile(`${marker}\n${'x'.repeat(64 * 1024)}`);

    const response = await t.http
      .post(patient.link)
      .set('Content-Type', form.contentType)
      .send(form.body)
      .expect(413)
      .expect('content-type', PROBLEM);

    expect(response.body.code).toBe('request.body_too_large');
    expect(await consentOf(patient.id)).toBe(true);
    expect(await tmpFilesHolding(marker, since)).toEqual([]);
    await t.http.get(patient.link).expect(200);
  });

  it.each<{ contentType: string; body: string }>([
    { contentType: 'application/json', body: '{"List-Unsubscribe":"One-Click"}' },
    { contentType: 'text/plain', body: 'List-Unsubscribe=One-Click' },
    { contentType: 'application/xml', body: '<List-Unsubscribe>One-Click</List-Unsubscribe>' },
  ])(
    'refuses a $contentType body with 415 problem+json and keeps the patient subscribed',
    async ({ contentType, body }) => {
      const patient = await subscribedPatient();

      const response = await t.http
        .post(patient.link)
        .set('Content-Type', contentType)
        .send(body)
        .expect(415)
        .expect('content-type', PROBLEM);

      expect(response.body).toMatchObject({
        status: 415,
        code: 'request.unsupported_media_type',
        requestId: expect.any(String),
      });
      expect(await consentOf(patient.id)).toBe(true);
    },
  );

  it('takes multipart on the unsubscribe link only: elsewhere it is still 415', async () => {
    const form = curlForm();

    const response = await t.http
      .post('/auth/login')
      .set('Content-Type', form.contentType)
      .send(form.body)
      .expect(415)
      .expect('content-type', PROBLEM);

    expect(response.body.code).toBe('request.unsupported_media_type');
  });

  it('answers an unknown route 404 whatever it was sent, and reads no body on a GET', async () => {
    const form = curlForm();
    const missing = await t.http
      .post('/no-such-route')
      .set('Content-Type', form.contentType)
      .send(form.body)
      .expect(404)
      .expect('content-type', PROBLEM);
    expect(missing.body.code).toBe('request.not_found');

    const patient = await subscribedPatient();
    await t.http.get(patient.link).set('Content-Type', form.contentType).expect(200);
    expect(await consentOf(patient.id)).toBe(true);
  });
});
