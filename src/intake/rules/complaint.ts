/** The vocabularies an intake records a complaint in (where, which side, how it began...). */

export const BODY_REGIONS = [
  'neck',
  'upper_back',
  'mid_back',
  'lower_back',
  'shoulder',
  'elbow',
  'wrist_hand',
  'hip',
  'knee',
  'ankle_foot',
  'other',
] as const;
export type BodyRegion = (typeof BODY_REGIONS)[number];

export const SIDES = ['left', 'right', 'central', 'bilateral'] as const;
export type Side = (typeof SIDES)[number];
/**
 * How it began. `fall` is a fall from standing height or less (minor trauma); `fall_from_height`,
 * like a motor vehicle accident, is the major trauma AHCPR Table 1 names ("major trauma, such as
 * vehicle accident or fall from height"). Older assessments never say `fall_from_height`.
 */
export const MECHANISMS = [
  'lifting',
  'sudden_movement',
  'posture',
  'sport',
  'motor_vehicle_accident',
  'work_injury',
  'fall',
  'fall_from_height',
  'none_known',
] as const;
export type Mechanism = (typeof MECHANISMS)[number];
export const SEVERITIES = ['mild', 'moderate', 'severe'] as const;
/** Triggers the modelled clinics ask about (clinics.md). */
export const TRIGGERS = [
  'sudden_movement',
  'bending_forward',
  'getting_out_of_bed',
  'sneezing_or_coughing',
  'cold',
  'prolonged_sitting',
  'standing',
  'walking',
  'lifting',
  'stress',
] as const;
export const ASSOCIATED_SYMPTOMS = [
  'radiating_pain',
  'numbness_or_tingling',
  'weakness',
  'sleep_disturbance',
  'stiffness',
  'muscle_spasm',
] as const;
export type AssociatedSymptom = (typeof ASSOCIATED_SYMPTOMS)[number];
