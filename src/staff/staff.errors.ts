import { ErrorKind } from '../common/errors/domain-error';
import { errorCatalogue } from '../common/errors/error-catalogue';

/** Every error the staff module returns: therapists' profiles, hours and time off. */
export const StaffErrors = errorCatalogue({
  therapistNotFound: {
    code: 'therapist.not_found',
    kind: ErrorKind.NotFound,
    meaning: 'No active therapist with this id',
  },
  timeOffNotFound: {
    code: 'therapist.time_off_not_found',
    kind: ErrorKind.NotFound,
    meaning: 'No time off with this id for the therapist',
  },
  therapistNotAssigned: {
    code: 'therapist.not_assigned',
    kind: ErrorKind.BadRequest,
    meaning: 'Working hours name a location the therapist is not assigned to',
  },
});
