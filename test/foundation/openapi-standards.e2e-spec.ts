import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, type TestApp } from '../support/test-app';

const ROOT = join(__dirname, '../..');
const REDOCLY = join(ROOT, 'node_modules/.bin/redocly');
const PROBLEM_JSON = 'application/problem+json';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface Schema {
  $ref?: string;
  type?: string;
  description?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}
interface Response {
  description: string;
  content?: Record<string, { schema?: Schema }>;
}
interface Operation {
  operationId: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  responses: Record<string, Response>;
}
interface Document {
  servers: { url: string }[];
  paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  components: { schemas: Record<string, Schema & { 'x-error-codes'?: ErrorCode[] }> };
}
interface ErrorCode {
  code: string;
  type: string;
  status: number;
  meaning: string;
}
interface RedoclyReport {
  totals: { errors: number; warnings: number };
  problems: {
    ruleId: string;
    severity: string;
    message: string;
    location: { pointer: string }[];
  }[];
}

/** Every schema in the document, with where it is: components, parameters, bodies, responses. */
function* schemasOf(document: Document): Generator<[string, Schema]> {
  for (const [name, schema] of Object.entries(document.components.schemas)) {
    yield [`#/components/schemas/${name}`, schema];
  }
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const at = `${method.toUpperCase()} ${path}`;
      for (const parameter of operation.parameters ?? []) {
        if (parameter.schema) yield [`${at} parameter ${parameter.name}`, parameter.schema];
      }
      for (const [type, media] of Object.entries(operation.requestBody?.content ?? {})) {
        if (media.schema) yield [`${at} body ${type}`, media.schema];
      }
      for (const [status, response] of Object.entries(operation.responses)) {
        for (const [type, media] of Object.entries(response.content ?? {})) {
          if (media.schema) yield [`${at} ${status} ${type}`, media.schema];
        }
      }
    }
  }
}

/** Every property of a schema and of the schemas inside it, with its path. */
function* propertiesOf(schema: Schema, at: string): Generator<[string, Schema]> {
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    yield [`${at}.${name}`, property];
    yield* propertiesOf(property, `${at}.${name}`);
  }
  if (schema.items) yield* propertiesOf(schema.items, `${at}[]`);
  if (typeof schema.additionalProperties === 'object') {
    yield* propertiesOf(schema.additionalProperties, `${at}{}`);
  }
  for (const part of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) {
    yield* propertiesOf(part, at);
  }
}

/** `type: object` that says nothing of what the object holds. */
const isShapeless = (schema: Schema) =>
  schema.type === 'object' &&
  schema.properties === undefined &&
  schema.additionalProperties === undefined &&
  schema.allOf === undefined &&
  schema.oneOf === undefined &&
  schema.anyOf === undefined;

function operationsOf(
  document: Document,
): { id: string; path: string; method: string; op: Operation }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const op = item[method];
      return op ? [{ id: `${method.toUpperCase()} ${path}`, path, method, op }] : [];
    }),
  );
}

describe('the OpenAPI document meets the standards a client generator needs', () => {
  let t: TestApp;
  let document: Document;
  let dir: string;

  beforeAll(async () => {
    t = await startTestApp();
    document = (await t.http.get('/docs-json').expect(200)).body as Document;
    dir = await mkdtemp(join(tmpdir(), 'ptp-openapi-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await t.close();
  });

  it('has no error and no warning under Redocly’s recommended rules', async () => {
    const file = join(dir, 'openapi.json');
    await writeFile(file, JSON.stringify(document, null, 2));
    // redocly.yaml at the root declares the recommended rules; lint exits 1 on errors, with the
    // report on stdout all the same.
    const lint = await promisify(execFile)(REDOCLY, ['lint', '--format=json', file], {
      cwd: ROOT,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(lint.stdout) as RedoclyReport;
    const problems = report.problems.map(
      ({ ruleId, severity, message, location }) =>
        `${severity} ${ruleId} at ${location.map(({ pointer }) => pointer).join(', ')}: ${message}`,
    );
    expect({ ...report.totals, problems }).toEqual({
      errors: 0,
      warnings: 0,
      ignored: 0,
      problems: [],
    });
  });

  it('gives every property its type and a description', () => {
    const shapeless: string[] = [];
    const undescribed: string[] = [];
    let count = 0;
    for (const [at, schema] of schemasOf(document)) {
      if (isShapeless(schema)) shapeless.push(at);
      for (const [path, property] of propertiesOf(schema, at)) {
        count += 1;
        if (isShapeless(property)) shapeless.push(path);
        if (!property.$ref && !property.description) undescribed.push(path);
      }
    }
    expect(count).toBeGreaterThan(300);
    expect({ shapeless, undescribed }).toEqual({ shapeless: [], undescribed: [] });
  });

  it('describes each paged list as its items, each login and error body fully', () => {
    const { schemas } = document.components;
    const pages = Object.keys(schemas).filter((name) => name.endsWith('Page'));
    expect(pages).toEqual(expect.arrayContaining(['AvailableSlotPage', 'PatientPage', 'UserPage']));
    for (const name of pages) {
      expect({ name, items: schemas[name].properties?.items }).toEqual({
        name,
        items: expect.objectContaining({
          type: 'array',
          items: { $ref: `#/components/schemas/${name.replace(/Page$/, 'Dto')}` },
        }),
      });
    }
    expect(schemas.TokenDto.properties).toMatchObject({
      accessToken: { type: 'string' },
      tokenType: { enum: ['Bearer'] },
      expiresIn: { type: 'integer' },
    });
    expect(schemas.AppointmentDto.properties).toMatchObject({
      id: { type: 'string', format: 'uuid' },
      startsAt: { type: 'string', format: 'date-time' },
      seriesId: { type: 'string', format: 'uuid', nullable: true },
      cancelReason: { type: 'string', nullable: true },
      lateCancellation: { type: 'boolean', nullable: true },
    });
    expect(schemas.AvailableSlotDto.properties?.startsAt).toMatchObject({ format: 'date-time' });
    expect(schemas.LocationDto.properties?.state).toMatchObject({ type: 'string', nullable: true });
    expect(schemas.ProblemDetails.properties?.type).toMatchObject({
      type: 'string',
      format: 'uri',
    });
    expect(schemas.AppointmentTypeViewDto.properties).toMatchObject({
      id: { format: 'uuid' },
      active: { type: 'boolean' },
    });
  });

  it('documents each response, errors as problem+json, and what the HTTP layer answers', () => {
    const findings: string[] = [];
    for (const { id, op } of operationsOf(document)) {
      const statuses = Object.keys(op.responses);
      if (!statuses.some((status) => status.startsWith('2'))) findings.push(`${id}: no 2xx`);
      for (const [status, response] of Object.entries(op.responses)) {
        if (!response.description) findings.push(`${id} ${status}: no description`);
        const content = Object.keys(response.content ?? {});
        if (Number(status) >= 400) {
          const schema = response.content?.[PROBLEM_JSON]?.schema;
          if (
            content.join() !== PROBLEM_JSON ||
            schema?.$ref !== '#/components/schemas/ProblemDetails'
          ) {
            findings.push(`${id} ${status}: not a ProblemDetails problem+json`);
          }
        } else if (!['204', '304'].includes(status) && content.length === 0) {
          findings.push(`${id} ${status}: no content`);
        }
      }
      if (op.requestBody && !(statuses.includes('413') && statuses.includes('415'))) {
        findings.push(`${id}: takes a body, but 413 or 415 is missing`);
      }
      const bearer = op.security?.some((requirement) => 'bearer' in requirement);
      if (op.security === undefined) findings.push(`${id}: no security`);
      if (bearer && !statuses.includes('401')) findings.push(`${id}: bearer token, but no 401`);
    }
    expect(findings).toEqual([]);
    const feed = document.paths['/calendar-feeds/{file}']?.get;
    expect(Object.keys(feed?.responses ?? {})).toEqual(expect.arrayContaining(['200', '304']));
    expect(document.paths['/auth/login']?.post?.responses).toHaveProperty('423');
    expect(document.paths['/auth/login']?.post?.responses).toHaveProperty('429');
    expect(document.servers.length).toBeGreaterThan(0);
  });

  it('marks exactly the routes that need no token as public, as the guard does', async () => {
    const findings: string[] = [];
    for (const { id, path, method, op } of operationsOf(document)) {
      const url = path.replace(/\{([^}]+)\}/g, (_, name: string) =>
        name === 'file' ? 'unknown.ics' : name === 'code' ? 'no_such.code' : randomUUID(),
      );
      const { status } = await t.http[method as (typeof METHODS)[number]](url);
      const isPublic = op.security?.length === 0;
      if (isPublic === (status === 401)) {
        findings.push(
          `${id} is ${isPublic ? 'public' : 'behind the token'} but answered ${status}`,
        );
      }
    }
    expect(findings).toEqual([]);
    expect(document.paths['/auth/login']?.post?.security).toEqual([]);
    expect(document.paths['/health/live']?.get?.security).toEqual([]);
    expect(document.paths['/patients']?.get?.security).toEqual([{ bearer: [] }]);
  });

  describe('problem types', () => {
    const code = 'appointment.therapist_double_booked';

    it('are absolute URIs under the public base URL, one for each code in the document', () => {
      const codes = document.components.schemas.ProblemCode['x-error-codes']!;
      expect(codes.length).toBeGreaterThan(80);
      for (const entry of codes) {
        expect(entry.type).toBe(`${t.config.email.publicBaseUrl}/problems/${entry.code}`);
      }
    });

    it('resolve: GET /problems/{code} describes the code as HTML, or as JSON when asked', async () => {
      const page = await t.http.get(`/problems/${code}`).expect(200).expect('content-type', /html/);
      expect(page.text).toContain(code);
      expect(page.text).toContain('409');
      const json = await t.http
        .get(`/problems/${code}`)
        .set('Accept', 'application/json')
        .expect(200)
        .expect('content-type', /^application\/json/);
      expect(json.body).toEqual({
        type: `${t.config.email.publicBaseUrl}/problems/${code}`,
        code,
        status: 409,
        title: 'Conflict',
        meaning: expect.stringMatching(/\w/),
      });
      const preferred = async (accept: string) =>
        (await t.http.get(`/problems/${code}`).set('Accept', accept).expect(200)).type;
      expect(await preferred('text/html;q=0.5, application/json')).toBe('application/json');
      expect(await preferred('text/html,application/xhtml+xml,*/*;q=0.8')).toBe('text/html');
      expect(await preferred('*/*')).toBe('text/html');
      // Every listed code resolves, with the status the document gives it.
      for (const entry of document.components.schemas.ProblemCode['x-error-codes']!) {
        const { body } = await t.http
          .get(new URL(entry.type).pathname)
          .set('Accept', 'application/json')
          .expect(200);
        expect(body).toMatchObject({ code: entry.code, status: entry.status });
      }
    });

    it('answer an unknown code with a 404 problem whose own type resolves', async () => {
      const response = await t.http
        .get('/problems/no_such.code')
        .set('Accept', 'application/json')
        .expect(404)
        .expect('content-type', /application\/problem\+json/);
      expect(response.body).toMatchObject({
        type: `${t.config.email.publicBaseUrl}/problems/problem_type.not_found`,
        status: 404,
        code: 'problem_type.not_found',
      });
      await t.http.get(new URL(response.body.type as string).pathname).expect(200);
    });
  });
});
