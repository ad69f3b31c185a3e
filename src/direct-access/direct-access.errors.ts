import { ErrorKind } from '../common/errors/domain-error';
import { errorCatalogue } from '../common/errors/error-catalogue';

/** Every error direct access returns: rule versions, evaluations, documents and the treatment gate. */
export const DirectAccessErrors = errorCatalogue({
  referralRequired: {
    code: 'appointment.referral_required',
    kind: ErrorKind.Conflict,
    meaning:
      'Treatment past the direct-access window or visit limit, by a therapist without the qualifications, or where no rule is held, needs a referral or a signed plan on file',
  },
  gateOverridden: {
    code: 'appointment.treatment_gate_overridden',
    kind: ErrorKind.Conflict,
    meaning:
      'A warning, not a refusal: an admin booked past the treatment gate with a recorded reason',
  },
  ruleNotFound: {
    code: 'direct_access.rule_not_found',
    kind: ErrorKind.NotFound,
    meaning: 'No direct-access rule for this jurisdiction',
  },
  ruleVersionConflict: {
    code: 'direct_access.rule_version_conflict',
    kind: ErrorKind.Conflict,
    meaning: 'The jurisdiction already has a version effective from that date',
  },
  invalidRule: {
    code: 'direct_access.invalid_rule',
    kind: ErrorKind.BadRequest,
    meaning: 'The rule’s parameters contradict each other; errors[] names each',
  },
  evaluationNotFound: {
    code: 'direct_access.evaluation_not_found',
    kind: ErrorKind.NotFound,
    meaning: 'No evaluation with this id in the caller’s locations',
  },
  missingFacts: {
    code: 'direct_access.missing_facts',
    kind: ErrorKind.BadRequest,
    meaning: 'An evaluation needs an episode or the facts of the case (a location at least)',
  },
  invalidNpi: {
    code: 'direct_access.invalid_npi',
    kind: ErrorKind.BadRequest,
    meaning: 'The NPI is not ten digits with a valid Luhn check digit',
  },
});
