import type { AssociatedSymptom, BodyRegion, Mechanism, Side } from './complaint';

/**
 * Red-flag screen for back pain (../shared/domain/red-flags.md). Sources: AHCPR guideline Table 1
 * (NCBI NBK52120); NHS Gloucestershire cauda equina pathway; Finucane et al., JOSPT 2020;50:350;
 * NICE NG59; APTA low back pain CPG (Delitto et al., JOSPT 2012); Henschke et al., Arthritis
 * Rheum 2009;60:3072 (age > 70 as the informative "older" for fracture).
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

export type ReasonSource = 'reported' | 'history' | 'age' | 'content';

export interface ScreenReason {
  flag: RedFlag;
  group: RedFlagGroup;
  /**
   * `reported` by the clinician, or derived from the relevant history, the age at onset, or the
   * complaint as recorded (`content`: region, side, onset mechanism, associated symptoms).
   */
  source: ReasonSource;
  /** For a derived flag, what in the record raised it. Screens before red-flags/2026-12 lack it. */
  basis?: string;
}

export interface RedFlagScreen {
  version: string;
  disposition: ScreenDisposition;
  reasons: ScreenReason[];
}

/** What the intake records about the complaint that bears on the screen. */
export interface ComplaintFacts {
  bodyRegion: BodyRegion;
  side: Side;
  mechanism: Mechanism;
  associatedSymptoms: readonly AssociatedSymptom[];
}

export interface ScreenInput {
  reportedFlags: readonly RedFlag[];
  relevantHistory: readonly RelevantHistory[];
  /** Age in whole years on the onset date. */
  ageAtOnset: number;
  /** The complaint as recorded; without it only the history and the age derive flags. */
  complaint?: ComplaintFacts;
}

/** 2026-12: flags derived from the complaint (trauma, bilateral numbness, thoracic pain) too. */
export const RED_FLAG_RULES_VERSION = 'red-flags/2026-12';

/** "Older" for the fracture flags: age > 70, the cut-off found informative by Henschke 2009. */
export const FRACTURE_OLDER_AGE = 70;

/**
 * Minor trauma or strenuous lifting (AHCPR Table 1: "minor trauma or even strenuous lifting (in
 * older or potentially osteoporotic patient)"): a fall from standing height, or lifting.
 */
const MINOR_TRAUMA: readonly Mechanism[] = ['fall', 'lifting'];
/** Major trauma (AHCPR Table 1: "major trauma, such as vehicle accident or fall from height"). */
const MAJOR_TRAUMA: readonly Mechanism[] = ['motor_vehicle_accident', 'fall_from_height'];
/** Regions whose bilateral symptoms are leg symptoms: the lumbar spine and the legs. */
const LEG_REGIONS: readonly BodyRegion[] = ['lower_back', 'hip', 'knee', 'ankle_foot'];
/** The thoracic spine (red-flags.md, cancer: "thoracic pain"). */
const THORACIC_REGIONS: readonly BodyRegion[] = ['upper_back', 'mid_back'];

/** Age in whole years on a date, both as YYYY-MM-DD. */
export function ageOn(dateOfBirth: string, date: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = date.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * Screens an intake: the flags the clinician ticked, and those the record itself shows (history,
 * age at onset, and the complaint), each with its source. A flag found several ways is listed
 * once, by the first of: reported, history, age, content.
 */
export function screenRedFlags(input: ScreenInput): RedFlagScreen {
  const reasons = new Map<RedFlag, ScreenReason>();
  const add = (flag: RedFlag, source: ReasonSource, basis?: string) => {
    if (!reasons.has(flag))
      reasons.set(flag, {
        flag,
        group: RED_FLAGS[flag].group,
        source,
        ...(basis !== undefined ? { basis } : {}),
      });
  };
  const history = input.relevantHistory;
  const complaint = input.complaint;
  for (const flag of input.reportedFlags) add(flag, 'reported');
  if (history.includes('cancer')) add('history_of_cancer', 'history');
  if (history.includes('steroid_use')) {
    add('long_term_corticosteroids', 'history');
    add('immunosuppression', 'history');
  }
  if (history.includes('recent_infection')) add('recent_bacterial_infection', 'history');
  // Fracture: minor trauma or lifting in an osteoporotic or older patient.
  if (complaint && MINOR_TRAUMA.includes(complaint.mechanism)) {
    if (history.includes('osteoporosis'))
      add(
        'minor_trauma_older_or_osteoporotic',
        'history',
        `osteoporosis, with onset by ${complaint.mechanism}`,
      );
    if (input.ageAtOnset > FRACTURE_OLDER_AGE)
      add(
        'minor_trauma_older_or_osteoporotic',
        'age',
        `age ${input.ageAtOnset} at onset (over ${FRACTURE_OLDER_AGE}), with onset by ${complaint.mechanism}`,
      );
  }
  // "New pain at age > 50 or < 20": age when this pain began.
  if (input.ageAtOnset > 50 || input.ageAtOnset < 20)
    add('new_pain_age_over_50_or_under_20', 'age');
  if (complaint) {
    if (MAJOR_TRAUMA.includes(complaint.mechanism))
      add('major_trauma', 'content', `onset by ${complaint.mechanism}`);
    // Cauda equina: symptoms in both legs with numbness. The record has one side for the
    // complaint and `numbness_or_tingling` as one symptom, so a bilateral lumbar or leg complaint
    // with it is screened as bilateral leg symptoms with numbness: an emergency to rule out.
    if (
      LEG_REGIONS.includes(complaint.bodyRegion) &&
      complaint.side === 'bilateral' &&
      complaint.associatedSymptoms.includes('numbness_or_tingling')
    )
      add(
        'bilateral_leg_pain',
        'content',
        `bilateral ${complaint.bodyRegion} symptoms with numbness_or_tingling`,
      );
    if (THORACIC_REGIONS.includes(complaint.bodyRegion))
      add('thoracic_pain', 'content', `complaint in the ${complaint.bodyRegion}`);
  }

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

/**
 * Whether a disposition holds treatment visits back by itself: an emergency until a physician
 * clears it, a review until the clinician decides, and a decision to refer until a referral or a
 * clearance is on file. Those documents are direct access's: its treatment gate opens what this
 * holds.
 */
export function blocksTreatment(disposition: Disposition): boolean {
  return disposition !== 'proceed';
}
