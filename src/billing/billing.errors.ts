import { ErrorKind } from '../common/errors/domain-error';
import { errorCatalogue } from '../common/errors/error-catalogue';

/** Every error billing returns: visit records, fee schedules and superbills. */
export const BillingErrors = errorCatalogue({
  visitNotFound: {
    code: 'billing.visit_not_found',
    kind: ErrorKind.NotFound,
    meaning: 'No appointment with this id in the caller’s locations',
  },
  visitNotCompleted: {
    code: 'billing.visit_not_completed',
    kind: ErrorKind.Conflict,
    meaning: 'Services are recorded for a completed visit only; complete the appointment first',
  },
  visitRecordNotFound: {
    code: 'billing.visit_record_not_found',
    kind: ErrorKind.NotFound,
    meaning: 'The visit has no record of services yet',
  },
  amendmentReasonRequired: {
    code: 'billing.amendment_reason_required',
    kind: ErrorKind.Conflict,
    meaning: 'The visit already has a record: an amendment needs amendmentReason',
  },
  feeNotSet: {
    code: 'billing.fee_not_set',
    kind: ErrorKind.Conflict,
    meaning:
      'The fee schedule of the visit’s location and payer has no charge for a billed code on the visit’s date; errors[] names each',
  },
  noVisits: {
    code: 'billing.no_visit_records',
    kind: ErrorKind.NotFound,
    meaning: 'The episode has no recorded visits to bill',
  },
  locationNotFound: {
    code: 'billing.location_not_found',
    kind: ErrorKind.NotFound,
    meaning: 'No location with this id',
  },
  therapistNotFound: {
    code: 'billing.therapist_not_found',
    kind: ErrorKind.NotFound,
    meaning: 'No therapist with this id',
  },
});
