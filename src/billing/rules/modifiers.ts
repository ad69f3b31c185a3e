/**
 * The modifiers on a visit's claim lines.
 *
 * - GP on every line of a physical-therapy plan billed to Medicare (NGS Medicare, "Outpatient OT
 *   and PT Services Billing Guide"; Medicare Claims Processing Manual 100-04 Ch. 5 § 20.1).
 * - CQ on every Medicare line furnished in whole or in part by a physical therapist assistant
 *   (Bipartisan Budget Act of 2018 § 53107, SSA § 1834(v); CY 2020 physician fee schedule final
 *   rule, 84 FR 62568), paid at 85% from 2022.
 * - KX once the beneficiary's therapy amount for the calendar year passes the threshold (SSA
 *   § 1833(g)(7), as amended by BBA 2018 § 50202): the line whose charge carries the running total
 *   over it and every later line of the year. The threshold counts PT and speech-language
 *   pathology together across all providers; a clinic knows only its own charges, so the amount
 *   here is a lower bound (the MAC's eligibility file gives the rest).
 * - 59 on the column-two code of an NCCI procedure-to-procedure pair billed on one date, where
 *   the modifier indicator is 1 and the two services were given in distinct time blocks (which a
 *   visit record attests by recording each code's own one-on-one minutes).
 */
export const MODIFIER_RULES_VERSION = 'modifiers/2026-12';

/** The KX threshold for PT and SLP combined, by calendar year, in cents. */
export const THERAPY_THRESHOLDS: readonly { year: number; cents: number; source: string }[] = [
  {
    year: 2022,
    cents: 215_000,
    source:
      'Noridian JE Part A, Per-Beneficiary KX Modifier Thresholds (med.noridianmedicare.com/web/jea/provider-types/outpatient-therapy/per-beneficiary_kx_modifier_thresholds)',
  },
  {
    year: 2023,
    cents: 223_000,
    source:
      'CMS CR 12923 (transmittal R11626CP); Noridian JE Part A, Per-Beneficiary KX Modifier Thresholds (med.noridianmedicare.com/web/jea/provider-types/outpatient-therapy/per-beneficiary_kx_modifier_thresholds)',
  },
  {
    year: 2024,
    cents: 233_000,
    source:
      'CMS CR 13371 (transmittal R12249CP); Noridian JE Part A, Per-Beneficiary KX Modifier Thresholds (med.noridianmedicare.com/web/jea/provider-types/outpatient-therapy/per-beneficiary_kx_modifier_thresholds)',
  },
  { year: 2025, cents: 241_000, source: 'CMS CY 2025 PFS final rule; CMS Therapy Services page' },
  {
    year: 2026,
    cents: 248_000,
    // Not confirmed against CMS itself here: the CMS Therapy Services page was not reachable from
    // this workspace. Secondary sources agree on the amount.
    source:
      'Secondary: ../shared/domain/billing.md; postacutetools.com "The KX Threshold & Modifier"; alsintegratedsvc.com (2026). Confirm on the CMS Therapy Services page',
  },
];

/** Claims above this amount may be chosen for targeted medical review (BBA 2018, through 2028). */
export const TARGETED_REVIEW_CENTS = 300_000;

export function therapyThresholdCents(year: number): number | null {
  return THERAPY_THRESHOLDS.find((entry) => entry.year === year)?.cents ?? null;
}

/**
 * NCCI procedure-to-procedure edits between therapy codes that the clinic's codes meet, with
 * their modifier indicator (1: a modifier may bypass the edit). Only pairs found in a source are
 * listed.
 */
export const PTP_EDITS: readonly { column1: string; column2: string; source: string }[] = [
  {
    column1: '97140',
    column2: '97530',
    source:
      'CMS MLN "Proper Use of Modifier 59" (MLN1783722), Example 9: 97140 with 97530, modifier 59 when performed in distinctly different 15-minute time blocks; NCCI Policy Manual for Medicare Services, Ch. XI',
  },
];

export interface ClaimLine {
  billedCode: string;
  units: number;
  chargeCents: number;
}

export interface ModifierContext {
  medicare: boolean;
  /** Whether NCCI edits apply (Medicare and Medicaid). */
  ncci: boolean;
  /** A physical therapist assistant furnished the services. */
  byAssistant: boolean;
  /** The beneficiary's therapy charges earlier in the same calendar year. */
  yearToDateCents: number;
  /** The KX threshold for the visit's year, or null where none is known (or not Medicare). */
  thresholdCents: number | null;
}

/** Modifiers per line, in the order given; a line with no units gets none (it is not billed). */
export function claimModifiers(lines: readonly ClaimLine[], context: ModifierContext): string[][] {
  const billed = new Set(lines.filter((line) => line.units > 0).map((line) => line.billedCode));
  const distinct = new Set(
    context.ncci
      ? PTP_EDITS.filter((edit) => billed.has(edit.column1) && billed.has(edit.column2)).map(
          (edit) => edit.column2,
        )
      : [],
  );
  let runningCents = context.yearToDateCents;
  return lines.map((line) => {
    if (line.units === 0) return [];
    runningCents += line.chargeCents;
    const modifiers: string[] = [];
    if (context.medicare && context.byAssistant) modifiers.push('CQ');
    if (distinct.has(line.billedCode)) modifiers.push('59');
    if (context.medicare) modifiers.push('GP');
    if (
      context.medicare &&
      context.thresholdCents !== null &&
      runningCents > context.thresholdCents
    )
      modifiers.push('KX');
    return modifiers;
  });
}
