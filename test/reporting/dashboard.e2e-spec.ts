import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import {
  createLocation,
  createPatient,
  createStaff,
  createTherapist,
  type LocationRow,
  type StaffUser,
} from '../factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { createVisit, createVisitType } from './report-data';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const hasChromium = existsSync(CHROMIUM);
const describeInBrowser = hasChromium ? describe : describe.skip;
if (!hasChromium) {
  console.warn(
    `Skipping the reports dashboard's browser test: ${CHROMIUM} is missing (apt-get install -y chromium)`,
  );
}

/** The 12 weeks charted when the dashboard is asked for the week ending Sunday 8 November 2026. */
const TO = '2026-11-08';
const FROM = '2026-08-17';

describe('the reports dashboard at /admin/reports', () => {
  let t: TestApp;
  let scranton: LocationRow;
  let plano: LocationRow;
  let admin: StaffUser;
  let clerk: StaffUser;
  const basic = (user: StaffUser) =>
    `Basic ${Buffer.from(`${user.email}:${user.password}`).toString('base64')}`;

  beforeAll(async () => {
    t = await startTestApp();
    scranton = await createLocation(t.db, { name: 'Scranton <PT>' });
    plano = await createLocation(t.db, { name: 'Plano', state: 'TX', timeZone: 'America/Chicago' });
    admin = await createStaff(t.http, t.db, 'admin');
    clerk = await createStaff(t.http, t.db, 'front_desk', [scranton.id]);
    const scrantonPt = await createTherapist(t.http, t.db, admin, scranton);
    const planoPt = await createTherapist(t.http, t.db, admin, plano);
    const type = await createVisitType(t.db);
    const visit = async (
      location: LocationRow,
      therapist: StaffUser,
      startsAt: string,
      status: 'completed' | 'no_show' | 'cancelled',
    ) =>
      createVisit(t.db, {
        typeId: type,
        locationId: location.id,
        therapistId: therapist.id,
        patientId: (await createPatient(t.db, location.id)).id,
        createdBy: admin.id,
        startsAt,
        status,
      });
    await visit(scranton, scrantonPt, '2026-10-27T09:00:00-04:00', 'completed');
    await visit(scranton, scrantonPt, '2026-10-28T09:00:00-04:00', 'no_show');
    await visit(scranton, scrantonPt, '2026-11-02T09:00:00-05:00', 'completed');
    await visit(scranton, scrantonPt, '2026-11-03T09:00:00-05:00', 'completed');
    await visit(scranton, scrantonPt, '2026-11-04T09:00:00-05:00', 'cancelled');
    await visit(plano, planoPt, '2026-09-01T10:00:00-05:00', 'completed');
    await visit(plano, planoPt, '2026-11-08T23:30:00-06:00', 'completed');
  });
  afterAll(() => t.close());

  it('asks a browser to sign in and refuses anyone but an admin', async () => {
    const anonymous = await t.http.get('/admin/reports').expect(401);
    expect(anonymous.headers['www-authenticate']).toMatch(/^Basic realm="PT Practice reports"/);
    await t.http.get('/admin/reports/visits.csv').expect(401);
    await t.http.get('/admin/reports').set('Authorization', basic(clerk)).expect(403);
    await t.http.get('/admin/reports').set('Authorization', clerk.authorization).expect(403);
  });

  it('renders for an admin: figures embedded, names escaped, CSV links', async () => {
    const response = await t.http
      .get(`/admin/reports?to=${TO}`)
      .set('Authorization', basic(admin))
      .expect(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.text).toContain('Scranton &lt;PT&gt;');
    expect(response.text).not.toContain('Scranton <PT>');
    expect(response.text).toContain(
      `href="/admin/reports/visits.csv?from=${FROM}&amp;to=${TO}&amp;period=week&amp;by=location"`,
    );
    const csv = await t.http
      .get(`/admin/reports/visits.csv?from=${FROM}&to=${TO}&period=week&by=location`)
      .set('Authorization', basic(admin))
      .expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.text.split('\n')[0]).toMatch(/^period,group_id,group,scheduled,arrived,/);
    await t.http.get(`/admin/reports?to=2026-02-30`).set('Authorization', basic(admin)).expect(400);
  });

  describeInBrowser('in headless Chromium', () => {
    let browser: Browser;
    let origin: string;

    beforeAll(async () => {
      await t.app.listen(0, '127.0.0.1');
      const { port } = t.app.getHttpServer().address() as AddressInfo;
      origin = `http://127.0.0.1:${port}`;
      browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    });
    afterAll(() => browser?.close());

    it('loads with no console error and draws the figures the API returns', async () => {
      const context = await browser.newContext({
        httpCredentials: { username: admin.email, password: admin.password },
      });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning')
          problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));

      const response = await page.goto(`${origin}/admin/reports?to=${TO}`);
      expect(response?.status()).toBe(200);
      await page.waitForFunction(() => {
        const chart = (globalThis as unknown as { Chart?: { getChart(id: string): unknown } })
          .Chart;
        return ['arrived-visits', 'arrival-rate', 'cancel-no-show-rate', 'utilisation'].every(
          (id) => chart?.getChart(id) !== undefined,
        );
      });
      const drawn = await page.evaluate(() => {
        type ChartLike = {
          data: { labels: string[]; datasets: { label: string; data: (number | null)[] }[] };
          canvas: HTMLCanvasElementLike;
        };
        type HTMLCanvasElementLike = {
          width: number;
          height: number;
          getContext(kind: '2d'): {
            getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
          };
        };
        const chartJs = (globalThis as unknown as { Chart: { getChart(id: string): ChartLike } })
          .Chart;
        return Object.fromEntries(
          ['arrived-visits', 'arrival-rate', 'cancel-no-show-rate', 'utilisation'].map((id) => {
            const chart = chartJs.getChart(id);
            const { width, height } = chart.canvas;
            const pixels = chart.canvas.getContext('2d').getImageData(0, 0, width, height).data;
            let painted = 0;
            for (let index = 3; index < pixels.length; index += 4) if (pixels[index] > 0) painted++;
            return [
              id,
              {
                labels: chart.data.labels,
                datasets: chart.data.datasets.map((set) => ({ label: set.label, data: set.data })),
                painted,
              },
            ];
          }),
        );
      });

      const api = async (figure: string) =>
        (
          await t.http
            .get(`/reports/${figure}?from=${FROM}&to=${TO}&period=week&by=location`)
            .set('Authorization', admin.authorization)
            .expect(200)
        ).body as {
          rows: {
            period: string;
            group: { label: string };
            measures: Record<string, number>;
            ratios: Record<string, { value: number | null }>;
          }[];
        };
      const visits = await api('visits');
      const utilisation = await api('utilisation');
      const weeks = drawn['arrived-visits'].labels;
      expect(weeks).toHaveLength(12);
      expect(weeks[0]).toBe(FROM);
      expect(weeks[11]).toBe('2026-11-02');
      const series = (
        rows: typeof visits.rows,
        read: (row: (typeof visits.rows)[number]) => number | null,
      ) =>
        ['Plano', 'Scranton <PT>'].map((label) => ({
          label,
          data: weeks.map((week) => {
            const row = rows.find((r) => r.period === week && r.group.label === label);
            return row ? read(row) : null;
          }),
        }));
      expect(drawn['arrived-visits'].datasets).toEqual(
        series(visits.rows, (row) => row.measures.arrived),
      );
      expect(drawn['arrival-rate'].datasets).toEqual(
        series(visits.rows, (row) => row.ratios.arrivalRate.value),
      );
      expect(drawn['cancel-no-show-rate'].datasets).toEqual(
        series(visits.rows, (row) => row.ratios.cancelNoShowRate.value),
      );
      expect(drawn['utilisation'].datasets).toEqual(
        series(utilisation.rows, (row) => row.ratios.utilisation.value),
      );
      // The figures themselves, so the comparison is not of two empty charts.
      expect(drawn['arrived-visits'].datasets).toEqual([
        {
          label: 'Plano',
          data: [null, null, 1, null, null, null, null, null, null, null, null, 1],
        },
        {
          label: 'Scranton <PT>',
          data: [null, null, null, null, null, null, null, null, null, null, 1, 2],
        },
      ]);
      for (const chart of Object.values(drawn)) expect(chart.painted).toBeGreaterThan(1000);

      const link = page.locator('#downloads a').first();
      const csv = await context.request.get(`${origin}${await link.getAttribute('href')}`);
      expect(csv.status()).toBe(200);
      expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
      expect(problems).toEqual([]);
      await context.close();
    });
  });
});
