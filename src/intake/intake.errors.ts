import { ErrorKind } from '../common/errors/domain-error';
import { errorCatalogue } from '../common/errors/error-catalogue';

/** Every error intake returns: episodes, assessments, the red-flag screen and its hold. */
export const IntakeErrors = errorCatalogue({
  episodeNotFound: {
    code: 'episode.not_found',
    kind: ErrorKind.NotFound,
    meaning: 'No episode of care with this id for the patient, in the caller’s locations',
  },
  treatmentBlocked: {
    code: 'appointment.treatment_blocked',
    kind: ErrorKind.Conflict,
    meaning:
      'Treatment visits are held while the episode’s red-flag screen is an emergency or awaits a clinician’s decision',
  },
});
