import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { signLink, verifyLink } from './rules/signed-link';

const UNSUBSCRIBE = 'unsubscribe';
const WAITLIST_ACCEPT = 'waitlist-accept';

/** Links in patient emails that work without a login, signed with EMAIL_LINK_SECRET. */
@Injectable()
export class EmailLinks {
  constructor(private readonly config: AppConfig) {}

  unsubscribeUrl(patientId: string): string {
    const token = signLink(this.config.email.linkSecret, UNSUBSCRIBE, patientId);
    return `${this.config.email.publicBaseUrl}/email/unsubscribe?token=${token}`;
  }

  /** The link in a waitlist offer; it names the entry and the very slot offered. */
  waitlistAcceptUrl(entryId: string, offeredStartsAt: Date): string {
    const subject = `${entryId}|${offeredStartsAt.toISOString()}`;
    const token = signLink(this.config.email.linkSecret, WAITLIST_ACCEPT, subject);
    return `${this.config.email.publicBaseUrl}/email/waitlist-offers/accept?token=${token}`;
  }

  /** The offer a waitlist token was made for, or null when it is not genuine. */
  waitlistOfferOf(token: string): { entryId: string; offeredStartsAt: Date } | null {
    const subject = verifyLink(this.config.email.linkSecret, WAITLIST_ACCEPT, token);
    const [entryId, startsAt] = subject?.split('|') ?? [];
    if (!entryId || !startsAt) return null;
    return { entryId, offeredStartsAt: new Date(startsAt) };
  }

  /** The patient an unsubscribe token was made for, or null when it is not genuine. */
  unsubscribingPatient(token: string): string | null {
    return verifyLink(this.config.email.linkSecret, UNSUBSCRIBE, token);
  }
}
