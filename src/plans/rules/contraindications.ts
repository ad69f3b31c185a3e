import { addCalendarDays } from '../../direct-access/rules/day-count';
import type { BodyRegion } from '../../intake/rules/complaint';
import type { Agent, Intervention } from './plan-content';

/**
 * Contraindications and precautions of a plan's physical agents, checked against what intake and
 * the therapist's screening know of the patient. Each finding is a warning the signing therapist
 * must acknowledge with a reason (the guideline leaves the decision to clinical judgement: the
 * site, the dose, what else is known), never a silent pass.
 *
 * Sources:
 * - EPA: Houghton PE, Nussbaum EL, Hoens AM. "Electrophysical Agents - Contraindications and
 *   Precautions: An Evidence-Based Approach to Clinical Decision Making in Physical Therapy".
 *   Physiotherapy Canada 2010;62(5):1-80, doi:10.3138/ptc.62.5 (PMC3031347): ch. 3 ultrasound,
 *   ch. 4 electrical stimulation (TENS, NMES, HVPC), ch. 5 low-level laser, ch. 6 superficial
 *   heating agents. Over a known or suspected malignancy, over the pregnant uterus (abdomen, low
 *   back, pelvis), and near implanted electronic devices such as pacemakers; superficial heat
 *   over an area of acute injury or inflammation.
 * - TENS labelling: FDA, 21 CFR 882.5890 (transcutaneous electrical nerve stimulator for pain
 *   relief) and its special controls; manufacturers' labelling warns against use with a cardiac
 *   pacemaker, implanted defibrillator or other implanted electronic device.
 * - Ice first, heat after 24-48 hours for an acute back spasm: ../shared/domain/clinics.md.
 */
export const CONTRAINDICATION_RULES_VERSION = 'contraindications/2026-12';

/** Hours after an acute injury's onset during which heat is not applied (as days: onset day + 1). */
export const NO_HEAT_DAYS_AFTER_ONSET = 2;

/** Regions whose treatment lies over or next to the pregnant uterus (abdomen, low back, pelvis). */
const OVER_UTERUS: readonly BodyRegion[] = ['lower_back', 'hip'];

export interface PatientFacts {
  /** The plan's first day. */
  planStart: string;
  /** The complaint's onset from the latest signed intake, if any. */
  onsetDate: string | null;
  bodyRegion: BodyRegion | null;
  /** A history of cancer in intake, or the therapist's screening. */
  cancerHistory: boolean;
  /** A pacemaker, implanted defibrillator or other implanted electronic device. */
  implantedDevice: boolean;
  pregnant: boolean;
}

export type ContraindicationRule =
  'heat_acute_injury' | 'malignancy' | 'implanted_device' | 'pregnancy';

export interface ContraindicationWarning {
  /** `rule:interventionKey`: what an acknowledgement names. */
  code: string;
  rule: ContraindicationRule;
  interventionKey: string;
  message: string;
  source: string;
}

const EPA = 'Houghton, Nussbaum & Hoens, Physiotherapy Canada 2010;62(5)';
const AGENT_RULES: Record<
  Exclude<ContraindicationRule, 'heat_acute_injury'>,
  { agents: Agent[]; source: string }
> = {
  malignancy: {
    agents: ['ultrasound', 'laser', 'electrical_stimulation'],
    source: `${EPA}, ch. 3-5`,
  },
  implanted_device: {
    agents: ['electrical_stimulation', 'ultrasound'],
    source: `${EPA}, ch. 3-4; FDA 21 CFR 882.5890 TENS labelling`,
  },
  pregnancy: {
    agents: ['ultrasound', 'laser', 'electrical_stimulation'],
    source: `${EPA}, ch. 3-5`,
  },
};

/** The first day heat would be applied: the plan's start, or its phase's first day after onset. */
function firstHeatDay(intervention: Intervention, facts: PatientFacts, onset: string): string {
  const phased =
    intervention.phase?.fromDay !== undefined
      ? addCalendarDays(onset, intervention.phase.fromDay)
      : null;
  return phased && phased > facts.planStart ? phased : facts.planStart;
}

export function contraindicationsOf(
  interventions: readonly Intervention[],
  facts: PatientFacts,
): ContraindicationWarning[] {
  const warnings: ContraindicationWarning[] = [];
  const warn = (
    rule: ContraindicationRule,
    intervention: Intervention,
    message: string,
    source: string,
  ) =>
    warnings.push({
      code: `${rule}:${intervention.key}`,
      rule,
      interventionKey: intervention.key,
      message,
      source,
    });
  for (const intervention of interventions) {
    const agent = intervention.agent;
    if (!agent) continue;
    if (agent === 'heat' && facts.onsetDate) {
      const heatFrom = firstHeatDay(intervention, facts, facts.onsetDate);
      const heatAllowedFrom = addCalendarDays(facts.onsetDate, NO_HEAT_DAYS_AFTER_ONSET);
      if (heatFrom < heatAllowedFrom) {
        warn(
          'heat_acute_injury',
          intervention,
          `${intervention.name} from ${heatFrom}, within 48 hours of the injury's onset on ${facts.onsetDate}: ice first, heat from ${heatAllowedFrom}`,
          `${EPA}, ch. 6; clinics.md`,
        );
      }
    }
    if (facts.cancerHistory && AGENT_RULES.malignancy.agents.includes(agent)) {
      warn(
        'malignancy',
        intervention,
        `${intervention.name} with a history of cancer: not over a known or suspected malignancy`,
        AGENT_RULES.malignancy.source,
      );
    }
    if (facts.implantedDevice && AGENT_RULES.implanted_device.agents.includes(agent)) {
      warn(
        'implanted_device',
        intervention,
        `${intervention.name} with a pacemaker or other implanted electronic device`,
        AGENT_RULES.implanted_device.source,
      );
    }
    if (
      facts.pregnant &&
      AGENT_RULES.pregnancy.agents.includes(agent) &&
      (facts.bodyRegion === null || OVER_UTERUS.includes(facts.bodyRegion))
    ) {
      warn(
        'pregnancy',
        intervention,
        `${intervention.name} during pregnancy over the low back, abdomen or pelvis`,
        AGENT_RULES.pregnancy.source,
      );
    }
  }
  return warnings;
}

/** The warnings no acknowledgement (with a reason) answers. */
export function unacknowledged(
  warnings: readonly ContraindicationWarning[],
  acknowledgements: readonly { code: string; reason: string }[],
): ContraindicationWarning[] {
  const answered = new Set(
    acknowledgements.filter((a) => a.reason.trim() !== '').map((a) => a.code),
  );
  return warnings.filter((warning) => !answered.has(warning.code));
}
