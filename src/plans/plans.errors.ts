import { ErrorKind } from '../common/errors/domain-error';
import { errorCatalogue } from '../common/errors/error-catalogue';

/**
 * Every error plans of care return: templates, plans, their signatures, home programmes and the
 * booking policy.
 */
export const PlansErrors = errorCatalogue({
  templateNotFound: {
    code: 'plan.template_not_found',
    kind: ErrorKind.NotFound,
    meaning: 'No template (or template version) with this id that the caller may see',
  },
  templateNotEditable: {
    code: 'plan.template_not_editable',
    kind: ErrorKind.Forbidden,
    meaning: 'Clinic-wide templates are edited by admins; a personal template by its owner',
  },
  templatePublished: {
    code: 'plan.template_version_published',
    kind: ErrorKind.Conflict,
    meaning: 'A published template version is frozen: edit the template to make the next version',
  },
  templateNotPublished: {
    code: 'plan.template_version_not_published',
    kind: ErrorKind.Conflict,
    meaning: 'A plan is made from a published template version',
  },
  planNotFound: {
    code: 'plan.not_found',
    kind: ErrorKind.NotFound,
    meaning: 'No plan of care with this id in the caller’s locations',
  },
  invalidContent: {
    code: 'plan.invalid_content',
    kind: ErrorKind.BadRequest,
    meaning: 'The plan or template contradicts itself; errors[] names each field',
  },
  transitionNotAllowed: {
    code: 'plan.transition_not_allowed',
    kind: ErrorKind.Conflict,
    meaning: 'The plan’s status does not allow this (a signed plan is amended, not edited)',
  },
  signerNotPt: {
    code: 'plan.signer_not_physical_therapist',
    kind: ErrorKind.Forbidden,
    meaning: 'A plan of care is signed by a physical therapist (PT), not an assistant (PTA)',
  },
  contraindicationsUnacknowledged: {
    code: 'plan.contraindications_unacknowledged',
    kind: ErrorKind.Unprocessable,
    meaning:
      'The plan has contraindication warnings; errors[] lists each: acknowledge it with a reason to sign',
  },
  nothingToSign: {
    code: 'plan.nothing_to_sign',
    kind: ErrorKind.Conflict,
    meaning: 'The plan’s current revision is signed already',
  },
  homeProgrammePlanNotActive: {
    code: 'plan.home_programme_plan_not_active',
    kind: ErrorKind.Unprocessable,
    meaning:
      'A home exercise programme is sent from an active (signed) plan, not a draft, one on hold or one ended',
  },
  homeProgrammeAwaitingSignature: {
    code: 'plan.home_programme_awaiting_signature',
    kind: ErrorKind.Unprocessable,
    meaning: 'The plan’s current amendment awaits a signature: sign it, then send its programme',
  },
  homeProgrammeEmpty: {
    code: 'plan.home_programme_empty',
    kind: ErrorKind.Unprocessable,
    meaning: 'The plan’s revision in force has no home exercise programme interventions',
  },
  homeProgrammePatientNotEmailable: {
    code: 'plan.home_programme_patient_not_emailable',
    kind: ErrorKind.Unprocessable,
    meaning:
      'The patient has not agreed to email, has no email address or is archived: hand the programme over on paper',
  },
  outsidePlan: {
    code: 'appointment.outside_plan_of_care',
    kind: ErrorKind.Conflict,
    meaning:
      'A treatment visit outside the active plan’s dates, past its authorised visits or past an expired Medicare certification',
  },
  outsidePlanWarning: {
    code: 'appointment.outside_plan_of_care_warning',
    kind: ErrorKind.Conflict,
    meaning:
      'A warning, not a refusal: the clinic books treatment visits outside the plan of care with a warning',
  },
});
