/**
 * Whether the clinic may email a patient, and if not why: emails (confirmations, reminders,
 * offers) go only to an address on file with the patient's consent (CAN-SPAM and HIPAA's
 * minimum-necessary practice; domain/hipaa.md). Consent withdrawn through an unsubscribe link
 * reads as no consent.
 */
export type EmailSilence = 'no_address' | 'no_consent';

export interface EmailContact {
  email: string | null;
  emailConsent: boolean;
}

export function emailSilence(contact: EmailContact): EmailSilence | null {
  if (!contact.email) return 'no_address';
  if (!contact.emailConsent) return 'no_consent';
  return null;
}

/**
 * A warning a response carries: why no email goes (its code is the catalogue's, by `silence`),
 * the request field and the reason, as in a problem's errors[].
 */
export interface ContactWarning {
  silence: EmailSilence;
  field: string;
  reason: string;
  message: string;
}

const REASONS: Record<EmailSilence, Omit<ContactWarning, 'field'>> = {
  no_address: {
    silence: 'no_address',
    reason: 'no email address on file',
    message: 'The patient has no email address on file: no confirmation or reminder emails',
  },
  no_consent: {
    silence: 'no_consent',
    reason: 'no consent to email on file',
    message:
      'The patient has not consented to email (or withdrew it): no confirmation or reminder emails',
  },
};

/** The warning for a patient the clinic cannot email, about `field` of the request; or null. */
export function emailWarning(contact: EmailContact, field: string): ContactWarning | null {
  const silence = emailSilence(contact);
  return silence ? { ...REASONS[silence], field } : null;
}

/**
 * Warnings on a registration or change: email named as the preferred contact while the clinic
 * may not email the patient. The record is kept as given; the front desk is told.
 */
export function registrationWarnings(
  patient: EmailContact & { preferredContact: string },
): ContactWarning[] {
  if (patient.preferredContact !== 'email') return [];
  const warning = emailWarning(patient, patient.email ? 'emailConsent' : 'email');
  return warning
    ? [
        {
          ...warning,
          reason: `preferred contact is email, but ${warning.reason}`,
        },
      ]
    : [];
}
