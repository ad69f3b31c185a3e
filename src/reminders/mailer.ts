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
      // DKIM only when configured, for relays that do not sign (most do). nodemailer's signature
      // covers List-Unsubscribe and List-Unsubscribe-Post, as RFC 8058 4 asks for one-click.
      ...(config.email.dkim ? { dkim: config.email.dkim } : {}),
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
      ...(email.calendar ? calendarParts(email.calendar) : {}),
    });
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}

/**
 * The calendar object as iMIP (RFC 6047 2.4) wants it: `text/calendar` with the `method`
 * parameter equal to its METHOD, as the last alternative to the text and HTML, where Outlook,
 * Gmail and Thunderbird act on it (add, update, remove), and once more as a file to open for
 * mail apps that only show attachments. Not nodemailer's `icalEvent`: it types that file
 * `application/ics`, which is no registered calendar type. Base64 keeps the CRLF line ends
 * byte for byte.
 */
function calendarParts(calendar: NonNullable<ComposedEmail['calendar']>) {
  const part = {
    contentType: `text/calendar; charset=utf-8; method=${calendar.method}`,
    content: calendar.ics,
    contentTransferEncoding: 'base64' as const,
  };
  return {
    alternatives: [part],
    attachments: [{ ...part, filename: 'appointment.ics' }],
  };
}
