/**
 * Load generator for the booking benchmark, in its own process so that the client's work does
 * not run on the server's event loop (as it would not in production).
 * Usage: node http-client.js <baseUrl> <token> <jobsFile> <concurrency>
 * Each job is `{ path, body? }`: a POST of the body, or a GET without one. A 2xx counts as done.
 */
import { readFileSync } from 'node:fs';

interface Job {
  path: string;
  body?: Record<string, string>;
}

async function main() {
  const [base, token, file, concurrency] = process.argv.slice(2);
  const jobs = JSON.parse(readFileSync(file, 'utf8')) as Job[];
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  let next = 0;
  let ok = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: Number(concurrency) }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++];
        const response = await fetch(`${base}${job.path}`, {
          method: job.body ? 'POST' : 'GET',
          headers,
          body: job.body ? JSON.stringify(job.body) : undefined,
        });
        await response.text();
        if (response.ok) ok++;
      }
    }),
  );
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(JSON.stringify({ ok, ms }));
}

void main();
