import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { signLink, verifyLink } from './rules/signed-link';

const UNSUBSCRIBE = 'unsubscribe';

/** Links in patient emails that work without a login, signed with EMAIL_LINK_SECRET. */
@Injectable()
export class EmailLinks {
  constructor(private readonly config: AppConfig) {}

  unsubscribeUrl(patientId: string): string {
    const token = signLink(this.config.email.linkSecret, UNSUBSCRIBE, patientId);
    return `${this.config.email.publicBaseUrl}/email/unsubscribe?token=${token}`;
  }

  /** The patient an unsubscribe token was made for, or null when it is not genuine. */
  unsubscribingPatient(token: string): string | null {
    return verifyLink(this.config.email.linkSecret, UNSUBSCRIBE, token);
  }
}
