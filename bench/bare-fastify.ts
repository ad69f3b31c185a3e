/**
 * The framework floor: a bare Fastify server (no NestJS, no database) with one route that checks
 * a bearer token as the application does (HS256, its issuer) and answers a small JSON body. What
 * an authenticated GET costs on this machine before any of the application's own work.
 */
import Fastify from 'fastify';
import { verify } from 'jsonwebtoken';
import type { AddressInfo } from 'node:net';

export async function startBareFastify(secret: string): Promise<{
  base: string;
  close: () => Promise<void>;
}> {
  const app = Fastify({ logger: false });
  app.get('/ping', (request, reply) => {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    try {
      const claims = verify(token ?? '', secret, { algorithms: ['HS256'], issuer: 'pt-practice' });
      return { ok: true, sub: typeof claims === 'string' ? claims : claims.sub };
    } catch {
      return reply.code(401).send({ ok: false });
    }
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    close: () => app.close(),
  };
}
