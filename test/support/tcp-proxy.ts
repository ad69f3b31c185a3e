import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP relay in front of a real server (PostgreSQL, Redis). `cut()` drops every connection and
 * refuses new ones, as a stopped server would; `hang()` keeps every connection open but carries
 * no byte either way and lets new ones connect to nothing, as a frozen server or a black-holed
 * network would; `restore()` relays again on the same port. Tests use it to take a service away
 * from one application without stopping the one other test files share.
 */
export class TcpProxy {
  private server?: Server;
  private readonly pairs = new Set<{ client: Socket; upstream?: Socket }>();
  private port = 0;
  private hung = false;

  private constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  static async start(targetUrl: string): Promise<TcpProxy> {
    const target = new URL(targetUrl);
    const defaultPort = target.protocol.startsWith('postgres') ? 5432 : 6379;
    const proxy = new TcpProxy(target.hostname, Number(target.port || defaultPort));
    await proxy.restore();
    return proxy;
  }

  /** The target's URL with the proxy's port in it. */
  urlFor(targetUrl: string): string {
    const url = new URL(targetUrl);
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.toString().replace(/\/$/, '');
  }

  async cut(): Promise<void> {
    this.hung = false;
    const server = this.server;
    this.server = undefined;
    for (const { client, upstream } of this.pairs) {
      client.destroy();
      upstream?.destroy();
    }
    this.pairs.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Stops carrying bytes on every connection, open or new, without closing any. */
  hang(): void {
    this.hung = true;
    for (const pair of this.pairs) this.stall(pair);
  }

  async restore(): Promise<void> {
    if (this.hung) {
      this.hung = false;
      for (const pair of this.pairs) this.relay(pair);
    }
    if (this.server) return;
    const server = createServer((client) => {
      const pair: { client: Socket; upstream?: Socket } = { client };
      this.pairs.add(pair);
      client.on('error', () => undefined);
      client.on('close', () => {
        this.pairs.delete(pair);
        pair.upstream?.destroy();
      });
      if (this.hung) client.pause();
      else this.relay(pair);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', resolve);
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  close(): Promise<void> {
    return this.cut();
  }

  private relay(pair: { client: Socket; upstream?: Socket }): void {
    if (!pair.upstream) {
      const upstream = connect(this.targetPort, this.targetHost);
      upstream.on('error', () => undefined);
      upstream.on('close', () => pair.client.destroy());
      pair.upstream = upstream;
    }
    pair.client.pipe(pair.upstream);
    pair.upstream.pipe(pair.client);
    pair.client.resume();
    pair.upstream.resume();
  }

  private stall({ client, upstream }: { client: Socket; upstream?: Socket }): void {
    client.unpipe();
    upstream?.unpipe();
    client.pause();
    upstream?.pause();
  }
}
