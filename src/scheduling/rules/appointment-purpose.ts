/**
 * What a kind of visit is for, so that reports count first contacts and initial evaluations by
 * what an admin says a type is rather than by its name or code:
 * - `first_contact`: a free screen or pain assessment before any episode of care (a direct-access
 *   clinic's way in; ../shared/domain/direct-access.md);
 * - `initial_evaluation`: the evaluation that starts an episode (CPT 97161-97163);
 * - `re_evaluation`, `progress` (the Medicare progress visit), `discharge`;
 * - `treatment`: a follow-up or any other treatment visit; `class`: a group class or workshop;
 * - `other`: anything else.
 */
export const APPOINTMENT_PURPOSES = [
  'first_contact',
  'initial_evaluation',
  're_evaluation',
  'progress',
  'discharge',
  'treatment',
  'class',
  'other',
] as const;

export type AppointmentPurpose = (typeof APPOINTMENT_PURPOSES)[number];
