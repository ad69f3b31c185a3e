import { ErrorKind } from '../common/errors/domain-error';
import { errorCatalogue } from '../common/errors/error-catalogue';
import type { ContactWarning, EmailSilence } from './rules/email-reach';

/** Every error (and warning) the patients module returns. */
export const PatientErrors = errorCatalogue({
  patientNotFound: {
    code: 'patient.not_found',
    kind: ErrorKind.NotFound,
    meaning: 'No patient with this id among the caller’s locations',
  },
  patientArchived: {
    code: 'patient.archived',
    kind: ErrorKind.Conflict,
    meaning: 'The patient is archived and cannot be booked',
  },
  alreadyArchived: {
    code: 'patient.already_archived',
    kind: ErrorKind.Conflict,
    meaning: 'The patient is archived already',
  },
  noEmailAddress: {
    code: 'patient.no_email_address',
    kind: ErrorKind.Unprocessable,
    meaning:
      'A warning, never an error status: the patient has no email address, so gets no emails',
  },
  noEmailConsent: {
    code: 'patient.no_email_consent',
    kind: ErrorKind.Unprocessable,
    meaning:
      'A warning, never an error status: the patient has not consented to email (or withdrew), so gets no emails',
  },
  notArchived: {
    code: 'patient.not_archived',
    kind: ErrorKind.Conflict,
    meaning: 'The patient is not archived, so there is nothing to restore',
  },
});

const SILENCE_CODES: Record<EmailSilence, string> = {
  no_address: PatientErrors.noEmailAddress,
  no_consent: PatientErrors.noEmailConsent,
};

/** A contact warning as a response carries it: its catalogue code, field, reason and message. */
export function warningWithCode({ silence, ...warning }: ContactWarning) {
  return { code: SILENCE_CODES[silence], ...warning };
}
