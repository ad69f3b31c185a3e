import { emailClinic, type EmailClinic } from '../reminders/clinic';
import { eventually, sleep } from '../support/eventually';
import { SmtpSink } from '../support/smtp-sink';
import { TcpProxy } from '../support/tcp-proxy';
import {
  queueBackendsForTests,
  redisUrlForTests,
  startTestApp,
  type TestApp,
} from '../support/test-app';
import { bookAll, type Attempt } from './booking-load';
import { quantile, report, tally } from './figures';

const OUTAGE_MS = 3000;
const VISITS = 40;

/**
 * PostgreSQL, and Redis when the queues live there, taken away through TCP relays while front
 * desks book: 503 problem+json while down, recovery without a restart, no acknowledged booking
 * lost, and every booked visit's confirmation sent exactly once.
 */
describe.each(queueBackendsForTests())('outages under load (%s queue)', (backend) => {
  let sink: SmtpSink;
  let postgres: TcpProxy;
  let redis: TcpProxy | undefined;
  let t: TestApp;
  let clinic: EmailClinic;
  const redisUrl = redisUrlForTests();

  beforeAll(async () => {
    sink = await SmtpSink.start();
    postgres = await TcpProxy.start(process.env.TEST_PG_ADMIN_URL!);
    redis = backend === 'redis' ? await TcpProxy.start(redisUrl!) : undefined;
    t = await startTestApp({
      queueBackend: backend,
      databaseUrlFor: (url) => postgres.urlFor(url),
      env: {
        ...(redis ? { REDIS_URL: redis.urlFor(redisUrl!) } : {}),
        SMTP_URL: sink.url,
        OUTBOX_POLL_MS: '100',
        // Retries that outlast the outage (1, 2, 4, 8, 16 s); shorter ones would leave an email
        // to the relay's check for jobs lost, ten minutes later.
        EMAIL_RETRY_BASE_MS: '1000',
        DATABASE_CONNECT_TIMEOUT_MS: '1000',
        DATABASE_QUERY_TIMEOUT_MS: '2000',
      },
    });
    clinic = await emailClinic(t);
  }, 60_000);
  afterAll(async () => {
    await postgres.restore();
    await redis?.restore();
    await t.close();
    await postgres.close();
    await redis?.close();
    await sink.close();
  });

  /** Books VISITS visits while `fault` runs once the first ten are in, then checks them all. */
  async function burst(firstSlot: number, fault: () => Promise<{ restoredAt: number }>) {
    const patients = await Promise.all(Array.from({ length: VISITS }, () => clinic.patient()));
    const booked = async () =>
      Number(
        (
          await t.db.query(`SELECT count(*) FROM appointments WHERE location_id = $1`, [
            clinic.locationId,
          ])
        ).rows[0].count,
      );
    const before = await booked();
    const started = Date.now();
    const load = bookAll(t, clinic, patients, { firstSlot });
    const attempts: Attempt[] = [];
    const faulted = (async () => {
      await eventually(booked, (count) => count >= before + 10, 30_000);
      return fault();
    })();
    attempts.push(...(await load));
    const { restoredAt } = await faulted;

    // Every answer a client got is one it can act on: no 500, and 503 says when to retry.
    expect(attempts.filter((a) => ![201, 409, 503].includes(a.status))).toEqual([]);
    const unavailable = attempts.filter((a) => a.status === 503);
    expect(unavailable.filter((a) => !a.problemJson || !a.retryAfter)).toEqual([]);
    // A 409 only for a retry whose first try did commit (its answer lost in the cut).
    const { rows } = await t.db.query<{ id: string; patient_id: string }>(
      `SELECT id, patient_id FROM appointments WHERE status <> 'cancelled' AND patient_id = ANY($1)`,
      [patients.map((p) => p.id)],
    );
    const acknowledged = attempts.filter((a) => a.status === 201).map((a) => a.id!);
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining(acknowledged));
    expect(new Set(rows.map((r) => r.patient_id)).size).toBe(VISITS);
    expect(rows).toHaveLength(VISITS);

    // Each booked visit's confirmation, exactly once.
    for (const patient of patients) await sink.waitFor(patient.email, 1, 90_000);
    await sleep(3000);
    const received = patients.map((patient) => sink.to(patient.email));
    expect(received.filter((mails) => mails.length !== 1)).toEqual([]);
    const ids = received.flat().map((mail) => mail.parsed.messageId);
    expect(new Set(ids).size).toBe(VISITS);

    const afterRestore = attempts.filter((a) => started + a.at >= restoredAt && a.status === 201);
    return {
      answers: tally(attempts.map((a) => `${a.status}${a.code ? ` ${a.code}` : ''}`)),
      slowest503Ms: quantile(
        unavailable.map((a) => a.ms),
        1,
      ),
      recoveryMs:
        afterRestore.length > 0
          ? Math.min(...afterRestore.map((a) => started + a.at + a.ms)) - restoredAt
          : undefined,
      bookings: rows.length,
      emails: ids.length,
      duplicateEmails: ids.length - new Set(ids).size,
      totalMs: Date.now() - started,
    };
  }

  it('PostgreSQL cut and restored under load: 503 while down, recovery, no booking or email lost', async () => {
    const figures = await burst(0, async () => {
      await postgres.cut();
      await sleep(OUTAGE_MS);
      await postgres.restore();
      return { restoredAt: Date.now() };
    });
    report(`postgres cut ${OUTAGE_MS} ms (${backend} queue)`, figures);
    expect(figures.answers['503 database.unavailable']).toBeGreaterThan(0);
  });

  it('PostgreSQL hung (no byte either way) under load: 503 within the query timeout, then recovery', async () => {
    const figures = await burst(VISITS * 2, async () => {
      postgres.hang();
      await sleep(OUTAGE_MS);
      await postgres.restore();
      return { restoredAt: Date.now() };
    });
    report(`postgres hung ${OUTAGE_MS} ms (${backend} queue)`, figures);
  });

  (backend === 'redis' ? it : it.skip)(
    'Redis cut during a booking burst: every booked visit’s email sent exactly once',
    async () => {
      const figures = await burst(VISITS * 4, async () => {
        await redis!.cut();
        await sleep(OUTAGE_MS);
        await redis!.restore();
        return { restoredAt: Date.now() };
      });
      report(`redis cut ${OUTAGE_MS} ms (${backend} queue)`, figures);
      expect(figures.answers['201']).toBe(VISITS);
    },
  );
});
