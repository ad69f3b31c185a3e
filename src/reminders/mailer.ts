import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Transform } from 'node:stream';
import { createTransport, type Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
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
    this.transport.use('stream', (mail, done) => {
      const beforeEndOfData = (mail.data as EndOfDataGate).beforeEndOfData;
      if (beforeEndOfData) mail.message.transform(() => endOfDataGate(beforeEndOfData));
      done();
    });
  }

  /**
   * Resolves once the server accepted the message (250 after DATA); rejects otherwise.
   * `beforeEndOfData` runs after the last byte of the message and before the end-of-data mark
   * (`.`) that makes the server take it: until then a server keeps nothing, so a caller that
   * records the moment there knows that a crash before it lost no email and sent none. Should it
   * reject, the mark is never sent and the connection is closed.
   */
  async send(email: ComposedEmail, beforeEndOfData?: () => Promise<void>): Promise<void> {
    await this.transport.sendMail({
      ...(beforeEndOfData ? { beforeEndOfData } : {}),
      from: this.config.email.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: email.messageId,
      headers: email.headers,
      ...(email.calendar ? calendarParts(email.calendar) : {}),
      ...(email.attachments ? withFiles(email.attachments, email.calendar) : {}),
    });
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}

/** Our option on a message, read by the stream plugin (nodemailer keeps unknown keys on `data`). */
interface EndOfDataGate extends Mail.Options {
  beforeEndOfData?: () => Promise<void>;
}

/** Passes the message through and holds its end until the gate resolves. */
function endOfDataGate(beforeEndOfData: () => Promise<void>): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, chunk);
    },
    flush(callback) {
      beforeEndOfData().then(
        () => callback(),
        (error: Error) => callback(error),
      );
    },
  });
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

/** Files to attach (a home exercise programme's PDF), after the calendar file if there is one. */
function withFiles(
  files: NonNullable<ComposedEmail['attachments']>,
  calendar: ComposedEmail['calendar'],
): Pick<Mail.Options, 'attachments'> {
  return {
    attachments: [
      ...(calendar ? calendarParts(calendar).attachments : []),
      ...files.map((file) => ({
        filename: file.filename,
        contentType: file.contentType,
        content: file.content,
      })),
    ],
  };
}
