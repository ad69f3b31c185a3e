import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';

export interface ReceivedMail {
  parsed: ParsedMail;
  /** The message as it came over the wire, headers included. */
  raw: string;
}

type Verdict = { code: number; message: string } | 'accept';

/**
 * A real SMTP server (smtp-server) in the test process: it takes mail over TCP as any server
 * would, keeps what it accepted, and can be told to refuse the next messages with a given reply.
 */
export class SmtpSink {
  readonly accepted: ReceivedMail[] = [];
  private readonly verdicts: Verdict[] = [];
  private waiters: (() => void)[] = [];
  /** Runs after a message has been read, before the server replies; may delay the reply. */
  beforeReply?: (mail: ReceivedMail) => Promise<void> | void;
  /** Runs when a client names a recipient (RCPT TO), before the server answers it. */
  onRecipient?: (address: string) => Promise<void> | void;
  /** Runs on the first bytes of a message's data, before its end (the `.`) has come. */
  onDataStart?: (firstBytes: string) => Promise<void> | void;
  /** Messages whose data never ended (the client went away first): kept by no real server. */
  readonly unfinished: string[] = [];

  private constructor(private readonly server: SMTPServer) {}

  static async start(): Promise<SmtpSink> {
    let sink: SmtpSink | undefined = undefined;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        void Promise.resolve(sink!.onRecipient?.(address.address)).then(() => callback());
      },
      onData: (stream, _session, callback) => {
        void sink!.receive(stream).then(
          () => callback(),
          (error: Error) => callback(error),
        );
      },
    });
    // A client that dies mid-session (a killed worker) resets its connection: not the sink's fault.
    server.on('error', () => undefined);
    sink = new SmtpSink(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return sink;
  }

  get url(): string {
    const address = this.server.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${address.port}`;
  }

  /** The next message gets this reply instead of 250 (421 is transient, 550 permanent). */
  refuseNext(code: number, message: string): void {
    this.verdicts.push({ code, message });
  }

  /** Messages sent to one address, in arrival order. */
  to(address: string): ReceivedMail[] {
    return this.accepted.filter((mail) =>
      [mail.parsed.to].flat().some((to) => to?.value.some((entry) => entry.address === address)),
    );
  }

  /** Waits until `count` messages to the address have been accepted. */
  async waitFor(address: string, count = 1, timeoutMs = 20_000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.to(address).length < count) {
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`${this.to(address).length} of ${count} emails to ${address} arrived`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.to(address);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async receive(stream: SMTPServerDataStream): Promise<void> {
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of stream) {
        if (chunks.length === 0) await this.onDataStart?.((chunk as Buffer).toString('utf8'));
        chunks.push(chunk as Buffer);
      }
    } catch (error) {
      this.unfinished.push(Buffer.concat(chunks).toString('utf8'));
      throw error;
    }
    const raw = Buffer.concat(chunks).toString('utf8');
    const mail = { raw, parsed: await simpleParser(raw) };
    const verdict = this.verdicts.shift() ?? 'accept';
    if (verdict !== 'accept') {
      throw Object.assign(new Error(verdict.message), { responseCode: verdict.code });
    }
    await this.beforeReply?.(mail);
    this.accepted.push(mail);
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((wake) => wake());
  }
}
