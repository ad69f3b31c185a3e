import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { allErrorEntries } from '../../src/common/errors/error-catalogue';
import { startTestApp, type TestApp } from '../support/test-app';

/** Every `*.errors.ts` under src/: the modules' error catalogues. */
function catalogueFiles(dir = join(__dirname, '../../src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return catalogueFiles(path);
    return entry.name.endsWith('.errors.ts') ? [path] : [];
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('health and OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers liveness and readiness without a token', async () => {
    await t.http.get('/health/live').expect(200, { status: 'ok' });
    const ready = await t.http.get('/health/ready').expect(200);
    expect(ready.body.details).toMatchObject({
      database: { status: 'up' },
      queue: { status: 'up', backend: 'postgres' },
    });
  });

  it('serves the OpenAPI document with a summary and error responses on every operation', async () => {
    const { body } = await t.http.get('/docs-json').expect(200);
    const operations = Object.entries(
      body.paths as Record<
        string,
        Record<string, { summary?: string; responses: Record<string, unknown> }>
      >,
    ).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ id: `${method} ${path}`, op })),
    );
    expect(operations.length).toBeGreaterThan(10);
    for (const { id, op } of operations) {
      expect({ id, summary: op.summary }).toEqual({ id, summary: expect.any(String) });
      if (!id.includes('/health/')) {
        expect({
          id,
          errors: Object.keys(op.responses).some((status) => status.startsWith('4')),
        }).toEqual({ id, errors: true });
      }
    }
    expect(body.components.schemas.ProblemDetails).toBeDefined();
    await t.http.get('/docs').expect(200).expect('content-type', /html/);
  });

  it('lists every error code with its HTTP status and meaning', async () => {
    const { body } = await t.http.get('/docs-json').expect(200);
    const schema = body.components.schemas.ProblemCode;
    const code = 'appointment.therapist_double_booked';
    const problems = `${t.config.email.publicBaseUrl}/problems`;
    expect(schema.type).toBe('string');
    expect(schema['x-error-codes']).toContainEqual({
      code,
      type: `${problems}/${code}`,
      status: 409,
      meaning: expect.stringMatching(/\w/),
    });
    expect(schema['x-enum-descriptions'][schema.enum.indexOf(code)]).toMatch(/^409: \w/);
    const link = `[\`${code}\`](${problems}/${code})`;
    expect(body.info.description).toMatch(new RegExp(`\\| ${escapeRegExp(link)} \\| 409 \\| \\w`));
    expect(schema['x-error-codes']).toContainEqual({
      code: 'request.validation_failed',
      type: `${problems}/request.validation_failed`,
      status: 400,
      meaning: expect.stringMatching(/\w/),
    });

    // The document was built as the application booted. Loading every catalogue file now adds
    // none it lacked: each module had loaded its own by then.
    for (const file of catalogueFiles()) await import(file);
    const declared = allErrorEntries().map((entry) => entry.code);
    expect(declared.length).toBeGreaterThan(80);
    expect(schema.enum).toEqual(declared);
    expect(schema['x-enum-descriptions']).toHaveLength(declared.length);
  });

  it('routes a path in any case and with a trailing slash', async () => {
    await t.http.get('/Health/Live').expect(200);
    await t.http.get('/health/live/').expect(200);
  });

  it('sets security headers and a request id of its own, whatever the caller sent', async () => {
    const response = await t.http
      .get('/health/live')
      .set('X-Request-Id', 'trace-abc-123')
      .expect(200);
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});
