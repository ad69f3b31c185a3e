/**
 * Red-flag screen for back pain (../shared/domain/red-flags.md). Sources: AHCPR guideline Table 1
 * (NCBI NBK52120); NHS Gloucestershire cauda equina pathway; Finucane et al., JOSPT 2020;50:350;
 * NICE NG59; APTA low back pain CPG (Delitto et al., JOSPT 2012).
 *
 * Policy: cauda equina signs and chest pain are a hard stop (emergency); any other flag needs a
 * documented clinician decision (refer, or proceed with a reason). One flag alone is often a
 * false positive, so the screen records and routes; it does not diagnose.
 */

export type RedFlagGroup = 'cauda_equina' | 'cancer' | 'infection' | 'fracture' | 'visceral';

export interface RedFlagDefinition {
  group: RedFlagGroup;
  /** True when this flag alone sends the patient to emergency care. */
  emergency: boolean;
}

export const RED_FLAGS = {
  bladder_dysfunction: { group: 'cauda_equina', emergency: true },
  bowel_incontinence: { group: 'cauda_equina', emergency: true },
  saddle_anaesthesia: { group: 'cauda_equina', emergency: true },
  sexual_dysfunction: { group: 'cauda_equina', emergency: true },
  bilateral_leg_pain: { group: 'cauda_equina', emergency: true },
  progressive_neurological_deficit: { group: 'cauda_equina', emergency: true },
  gait_disturbance: { group: 'cauda_equina', emergency: true },
  history_of_cancer: { group: 'cancer', emergency: false },
  new_pain_age_over_50_or_under_20: { group: 'cancer', emergency: false },
  no_improvement_after_one_month: { group: 'cancer', emergency: false },
  unexplained_weight_loss: { group: 'cancer', emergency: false },
  persistent_night_pain: { group: 'cancer', emergency: false },
  thoracic_pain: { group: 'cancer', emergency: false },
  pain_at_several_sites: { group: 'cancer', emergency: false },
  fever_or_chills: { group: 'infection', emergency: false },
  immunosuppression: { group: 'infection', emergency: false },
  iv_drug_use: { group: 'infection', emergency: false },
  recent_bacterial_infection: { group: 'infection', emergency: false },
  penetrating_wound: { group: 'infection', emergency: false },
  major_trauma: { group: 'fracture', emergency: false },
  minor_trauma_older_or_osteoporotic: { group: 'fracture', emergency: false },
  long_term_corticosteroids: { group: 'fracture', emergency: false },
  deformity: { group: 'fracture', emergency: false },
  severe_abdominal_pain: { group: 'visceral', emergency: false },
  chest_pain: { group: 'visceral', emergency: true },
  breathing_difficulty: { group: 'visceral', emergency: false },
  kidney_stone_signs: { group: 'visceral', emergency: false },
  pain_unrelieved_by_any_position: { group: 'visceral', emergency: false },
  inflammatory_disease: { group: 'visceral', emergency: false },
  widespread_neurological_signs: { group: 'visceral', emergency: false },
} as const satisfies Record<string, RedFlagDefinition>;

export type RedFlag = keyof typeof RED_FLAGS;
export const RED_FLAG_CODES = Object.keys(RED_FLAGS) as RedFlag[];

export type RelevantHistory =
  'cancer' | 'osteoporosis' | 'steroid_use' | 'recent_infection' | 'surgery';
export const RELEVANT_HISTORY: RelevantHistory[] = [
  'cancer',
  'osteoporosis',
  'steroid_use',
  'recent_infection',
  'surgery',
];

export type ScreenDisposition = 'proceed' | 'clinician_review' | 'emergency';

export interface ScreenReason {
  flag: RedFlag;
  group: RedFlagGroup;
  /** `reported` by the clinician, or derived from the relevant history or the age at onset. */
  source: 'reported' | 'history' | 'age';
}

export interface RedFlagScreen {
  version: string;
  disposition: ScreenDisposition;
  reasons: ScreenReason[];
}

export interface ScreenInput {
  reportedFlags: readonly RedFlag[];
  relevantHistory: readonly RelevantHistory[];
  /** Age in whole years on the onset date. */
  ageAtOnset: number;
}

export const RED_FLAG_RULES_VERSION = 'red-flags/2026-11';

/** Age in whole years on a date, both as YYYY-MM-DD. */
export function ageOn(dateOfBirth: string, date: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = date.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function screenRedFlags(input: ScreenInput): RedFlagScreen {
  const reasons = new Map<RedFlag, ScreenReason>();
  const add = (flag: RedFlag, source: ScreenReason['source']) => {
    if (!reasons.has(flag)) reasons.set(flag, { flag, group: RED_FLAGS[flag].group, source });
  };
  for (const flag of input.reportedFlags) add(flag, 'reported');
  if (input.relevantHistory.includes('cancer')) add('history_of_cancer', 'history');
  if (input.relevantHistory.includes('steroid_use')) {
    add('long_term_corticosteroids', 'history');
    add('immunosuppression', 'history');
  }
  if (input.relevantHistory.includes('recent_infection'))
    add('recent_bacterial_infection', 'history');
  // "New pain at age > 50 or < 20": age when this pain began.
  if (input.ageAtOnset > 50 || input.ageAtOnset < 20)
    add('new_pain_age_over_50_or_under_20', 'age');

  const found = [...reasons.values()];
  const disposition: ScreenDisposition = found.some((reason) => RED_FLAGS[reason.flag].emergency)
    ? 'emergency'
    : found.length > 0
      ? 'clinician_review'
      : 'proceed';
  return { version: RED_FLAG_RULES_VERSION, disposition, reasons: found };
}

export type ClinicianDecision = 'proceed' | 'refer_to_physician';
export type Disposition = ScreenDisposition | 'refer_to_physician';

/** The disposition in force: a screen's review is settled by the clinician's decision. */
export function effectiveDisposition(
  screen: ScreenDisposition,
  decision: ClinicianDecision | null,
): Disposition {
  if (screen !== 'clinician_review' || decision === null) return screen;
  return decision;
}

/** Whether treatment visits may be booked in the episode given its latest disposition. */
export function blocksTreatment(disposition: Disposition): boolean {
  return disposition === 'emergency' || disposition === 'clinician_review';
}
