import { createStaff, type StaffUser } from '../factories';
import { queueBackendsForTests, startTestApp, type TestApp } from '../support/test-app';

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.each(queueBackendsForTests())(
  'a job goes from the API through the %s queue to a worker',
  (backend) => {
    let t: TestApp;
    let admin: StaffUser;

    beforeAll(async () => {
      t = await startTestApp({ queueBackend: backend });
      admin = await createStaff(t.http, t.db, 'admin');
    });
    afterAll(() => t.close());

    it('reports the backend as ready', async () => {
      const ready = await t.http.get('/health/ready').expect(200);
      expect(ready.body.details.queue).toMatchObject({ status: 'up', backend });
    });

    it('exports the audit trail as CSV in the background', async () => {
      const requested = await t.http
        .post('/audit-exports')
        .set('Authorization', admin.authorization)
        .send({ action: 'login' })
        .expect(202);
      expect(requested.body).toMatchObject({
        status: expect.stringMatching(/queued|running|completed/),
        filters: { action: 'login' },
      });

      const done = await waitFor<Record<string, unknown>>(async () => {
        const { body } = await t.http
          .get(`/audit-exports/${requested.body.id}`)
          .set('Authorization', admin.authorization)
          .expect(200);
        const state = body as Record<string, unknown>;
        return state.status === 'completed' || state.status === 'failed' ? state : undefined;
      });
      expect(done).toMatchObject({ status: 'completed', rowCount: 1, error: null });

      const csv = await t.http
        .get(`/audit-exports/${requested.body.id}/csv`)
        .set('Authorization', admin.authorization)
        .expect(200)
        .expect('content-type', /text\/csv/);
      const lines = csv.text.trim().split('\n');
      expect(lines[0]).toBe(
        'id,occurredAt,actorUserId,actorRole,action,entityType,entityId,patientId,requestId,clientIp,details',
      );
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain(`${admin.id},,login,user,${admin.id}`);
    });

    it('refuses to download an export that is not finished', async () => {
      const { rows } = await t.db.query(
        `INSERT INTO audit_exports (requested_by) VALUES ($1) RETURNING id`,
        [admin.id],
      );
      const response = await t.http
        .get(`/audit-exports/${rows[0].id}/csv`)
        .set('Authorization', admin.authorization)
        .expect(409);
      expect(response.body.code).toBe('audit_export.not_ready');
    });
  },
);
