import { mkdtempSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createStaff, type StaffUser } from '../factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { CompiledService, type ServiceProcess } from '../support/worker-process';

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as { port: number };
  await new Promise((closed) => server.close(closed));
  return port;
}

describe('a start and stop a new user can trust (development, as npm start runs it)', () => {
  let t: TestApp;
  let service: CompiledService;
  let dataFolder: string;
  let port: number;
  let clerk: StaffUser;

  const env = () => ({
    NODE_ENV: 'development',
    LOG_LEVEL: 'info',
    PORT: String(port),
    DATABASE_URL: t.config.database.url!,
    QUEUE_BACKEND: 'postgres',
    EMBEDDED_POSTGRES_DIR: join(dataFolder, 'postgres'),
    MIGRATIONS_RUN_ON_START: 'false',
    SEED_ON_START: 'false',
    SMTP_URL: 'smtp://127.0.0.1:9',
  });

  beforeAll(async () => {
    t = await startTestApp();
    service = await CompiledService.build();
    dataFolder = mkdtempSync(join(tmpdir(), 'ptp-start-'));
    port = await freePort();
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await service.remove();
    await rm(dataFolder, { recursive: true, force: true });
  });

  const stoppedCleanly = (process: ServiceProcess, signal: string) => {
    expect(process.exitCode).toBe(0);
    expect(process.messages).toContain(`pt-practice: ${signal}: finishing requests`);
    expect(process.messages).toMatch(/pt-practice: stopped\n$/);
    // No stack trace, no PostgreSQL error, on either stream.
    expect(`${process.messages}${process.logs}`).not.toMatch(/\n\s+at |57P01|"level":50/);
  };

  it('keeps sessions across a restart, logs no route table at info, stops on SIGTERM and SIGINT', async () => {
    const first = await service.start(env());
    const http = request(`http://127.0.0.1:${port}`);
    clerk = await createStaff(http, t.db, 'front_desk');
    await http.get('/therapists').set('Authorization', clerk.authorization).expect(200);
    expect(first.messages).toContain('development secrets kept in');
    expect(first.logs).not.toContain('Mapped {');
    expect(first.logs).toContain('Nest application successfully started');
    await first.stop('SIGTERM');
    stoppedCleanly(first, 'SIGTERM');

    const secrets = JSON.parse(readFileSync(join(dataFolder, 'secrets.json'), 'utf8')) as object;
    expect(Object.keys(secrets).sort()).toEqual(['EMAIL_LINK_SECRET', 'JWT_SECRET']);

    const second = await service.start({ ...env(), LOG_LEVEL: 'debug' });
    await http.get('/therapists').set('Authorization', clerk.authorization).expect(200);
    expect(second.logs).toContain('Mapped {/therapists, GET} route');
    await second.stop('SIGINT');
    stoppedCleanly(second, 'SIGINT');
  }, 120_000);

  it('serves /docs over plain http at any address: no upgrade to https unless served over https', async () => {
    const plain = await service.start(env());
    const http = request(`http://127.0.0.1:${port}`);
    const docs = await http.get('/docs').set('Host', `192.168.1.20:${port}`).expect(200);
    expect(docs.headers['content-security-policy']).toContain("default-src 'self'");
    expect(docs.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    await plain.stop();

    const secure = await service.start({ ...env(), PUBLIC_BASE_URL: 'https://clinic.example' });
    const page = await http.get('/docs').expect(200);
    expect(page.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    await secure.stop();
  }, 120_000);
});
