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
  episodeClosed: {
    code: 'episode.closed',
    kind: ErrorKind.Conflict,
    meaning: 'The episode of care is closed: it takes no new assessment and cannot close again',
  },
  episodeClosedBeforeOpened: {
    code: 'episode.closed_before_opened',
    kind: ErrorKind.BadRequest,
    meaning: 'closedOn is before the day the episode opened',
  },
  assessmentNotFound: {
    code: 'assessment.not_found',
    kind: ErrorKind.NotFound,
    meaning: 'No assessment with this id in an episode the caller may see',
  },
  assessmentInvalid: {
    code: 'assessment.invalid',
    kind: ErrorKind.BadRequest,
    meaning:
      'The assessment’s content breaks a clinical rule (pain scales, instrument answers, dates); errors[] names each',
  },
  assessmentDraft: {
    code: 'assessment.draft',
    kind: ErrorKind.Conflict,
    meaning: 'The assessment is a draft: sign it before amending it or deciding on its red flags',
  },
  assessmentSigned: {
    code: 'assessment.signed',
    kind: ErrorKind.Conflict,
    meaning: 'A signed assessment is not edited or signed again: add an amendment instead',
  },
  amendmentEmpty: {
    code: 'assessment.amendment_empty',
    kind: ErrorKind.BadRequest,
    meaning: 'The amendment changes nothing',
  },
  redFlagsNoReviewNeeded: {
    code: 'red_flags.no_review_needed',
    kind: ErrorKind.Conflict,
    meaning:
      'The red-flag screen awaits no clinician’s decision (it is clear, or an emergency, which cannot be overridden)',
  },
  redFlagsAlreadyDecided: {
    code: 'red_flags.already_decided',
    kind: ErrorKind.Conflict,
    meaning: 'A clinician has already decided on this red-flag screen',
  },
  assessmentDatedInFuture: {
    code: 'assessment.dated_in_future',
    kind: ErrorKind.Unprocessable,
    meaning:
      'assessedOn is after today in the time zone of the episode’s clinic: an assessment is neither recorded nor signed ahead of its day',
  },
  instrumentUnscorable: {
    code: 'assessment.instrument_unscorable',
    kind: ErrorKind.Unprocessable,
    meaning:
      'An outcome measure leaves more items unanswered than its published scoring allows (ODI, NDI: one); errors[] names the instrument’s answers and the rule',
  },
});
