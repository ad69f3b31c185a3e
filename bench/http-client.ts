/**
 * Load generator for the HTTP figures, in its own process so that the client's work does not run
 * on the server's event loop (as it would not in production). It uses autocannon rather than
 * fetch: on a 2-core machine the client shares the cores with the server and PostgreSQL, and
 * fetch spent about 1 ms of CPU per request here, autocannon about a quarter of that. The CPU it
 * did use is reported so the reader can see what the server competed with, and so is every
 * request's latency (autocannon's own histogram has no p95).
 * Usage: node http-client.js <baseUrl> <token> <jobsFile> <concurrency>
 * Each job is `{ path, body? }`: a POST of the body, or a GET without one. A 2xx counts as done.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

interface Job {
  path: string;
  body?: Record<string, string>;
}

async function main() {
  const [base, token, file, concurrency] = process.argv.slice(2);
  const jobs = JSON.parse(readFileSync(file, 'utf8')) as Job[];
  let next = 0;
  const latencies: number[] = [];
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  // autocannon notices that the last request is done only at its next one-second tick, so the
  // elapsed time runs to the last response instead.
  let lastResponse = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: Number(concurrency),
        amount: jobs.length,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        requests: [
          {
            setupRequest: (request) => {
              const job = jobs[next++ % jobs.length];
              return job.body
                ? { ...request, method: 'POST', path: job.path, body: JSON.stringify(job.body) }
                : { ...request, method: 'GET', path: job.path };
            },
          },
        ],
      },
      (error: unknown, finished) =>
        error
          ? reject(
              error instanceof Error ? error : new Error('autocannon failed', { cause: error }),
            )
          : resolve(finished),
    );
    instance.on('response', (_client, _status, _bytes, responseTime: number) => {
      lastResponse = process.hrtime.bigint();
      latencies.push(responseTime);
    });
  });
  const ms = Number(lastResponse - started) / 1e6;
  const cpu = process.cpuUsage(cpuBefore);
  const ok = result['2xx'];
  const sent = result.requests.sent;
  process.stdout.write(
    JSON.stringify({
      ok,
      failed: sent - ok,
      ms,
      latencies,
      clientCpuMsPerRequest: (cpu.user + cpu.system) / 1000 / sent,
    }),
  );
}

void main();
