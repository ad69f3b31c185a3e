import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config';
import type { ComposedEmail } from './email-composer';

/** The SMTP connection pool (nodemailer). Any SMTP server works; Mailpit in development. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(private readonly config: AppConfig) {
    this.transport = createTransport({
      url: config.email.smtpUrl,
      pool: true,
      maxConnections: config.email.concurrency,
      // The pool would otherwise resend a message on its own when a connection drops mid-send,
      // out of sight of the delivery records: retries are the queue's, counted and backed off.
      maxRequeues: 0,
      // A stuck server must not hold a job for ever: the attempt fails and is retried.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  /** Resolves once the server accepted the message (250 after DATA); rejects otherwise. */
  async send(email: ComposedEmail): Promise<void> {
    await this.transport.sendMail({
      from: this.config.email.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: email.messageId,
      headers: email.headers,
      ...(email.ics
        ? { icalEvent: { method: 'PUBLISH', filename: 'appointment.ics', content: email.ics } }
        : {}),
    });
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
