import { Injectable, type OnModuleInit } from '@nestjs/common';
import { patientContactSql } from '../patients/patient-facts.sql';
import { warningWithCode } from '../patients/patients.errors';
import { emailWarning, type EmailContact } from '../patients/rules/email-reach';
import {
  type BookingPolicy,
  BookingPolicies,
  type BookingReadParameters,
  type PolicyFinding,
} from '../scheduling/booking-policy.port';

/**
 * Reminders' booking policy: it never refuses, but a booking (or move) of a patient the clinic
 * may not email says so, and why, so the front desk can phone instead or ask for consent. The
 * facts are read in the booking's one read; sending still checks consent at the moment of
 * sending.
 */
@Injectable()
export class PatientEmailsPolicy implements BookingPolicy<EmailContact>, OnModuleInit {
  readonly name = 'patient_emails';

  constructor(private readonly policies: BookingPolicies) {}

  onModuleInit(): void {
    this.policies.register(this);
  }

  factsSql({ patientId }: BookingReadParameters): string {
    return patientContactSql(patientId);
  }

  check(_: unknown, contact: EmailContact | null): PolicyFinding[] {
    const warning = contact && emailWarning(contact, 'patientId');
    return warning ? [{ severity: 'warn', ...warningWithCode(warning) }] : [];
  }
}
