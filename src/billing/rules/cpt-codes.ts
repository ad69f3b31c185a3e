/**
 * The CPT and HCPCS codes a physical-therapy visit bills, as data: whether each is timed (billed
 * in 15-minute units of one-on-one time) or untimed (one unit per encounter), and what payers do
 * with it. Sources: AMA CPT, Physical Medicine and Rehabilitation section (97010-97799); Medicare
 * Claims Processing Manual 100-04 Ch. 5 § 20.2 (timed and untimed codes); CMS physician fee
 * schedule status indicators (97010 bundled, status B; 97014 not recognised by Medicare, G0283
 * instead); ../shared/domain/billing.md.
 */
export const CATALOGUE_VERSION = 'cpt/2026-12';

export interface CptCode {
  code: string;
  service: string;
  timed: boolean;
  /** Billed at most once per encounter, however often it is recorded. */
  oncePerEncounter?: boolean;
  /** Medicare pays it only as part of another service: never a line of its own. */
  medicareBundled?: boolean;
  /** The code Medicare recognises for this service instead. */
  medicareCode?: string;
  note?: string;
}

const CODES: CptCode[] = [
  {
    code: '97161',
    service: 'PT evaluation, low complexity',
    timed: false,
    note: 'typically 20 min face to face',
  },
  {
    code: '97162',
    service: 'PT evaluation, moderate complexity',
    timed: false,
    note: 'typically 30 min face to face',
  },
  {
    code: '97163',
    service: 'PT evaluation, high complexity',
    timed: false,
    note: 'typically 45 min face to face',
  },
  { code: '97164', service: 'PT re-evaluation', timed: false },
  { code: '97110', service: 'Therapeutic exercise', timed: true },
  { code: '97112', service: 'Neuromuscular re-education (posture, balance)', timed: true },
  {
    code: '97140',
    service: 'Manual therapy',
    timed: true,
    note: 'mobilisation, manipulation, manual traction, soft tissue, myofascial release',
  },
  { code: '97530', service: 'Therapeutic activities', timed: true },
  { code: '97535', service: 'Self-care / home management training', timed: true },
  { code: '97113', service: 'Aquatic therapy with therapeutic exercise', timed: true },
  { code: '97116', service: 'Gait training', timed: true },
  {
    code: '97032',
    service: 'Electrical stimulation, attended',
    timed: true,
    note: 'constant attendance',
  },
  { code: '97035', service: 'Ultrasound', timed: true, note: 'constant attendance' },
  {
    code: '97010',
    service: 'Hot or cold packs',
    timed: false,
    medicareBundled: true,
    note: 'Medicare: bundled, never paid separately',
  },
  { code: '97012', service: 'Mechanical traction', timed: false, oncePerEncounter: true },
  { code: '97026', service: 'Infrared', timed: false },
  {
    code: '97014',
    service: 'Electrical stimulation, unattended',
    timed: false,
    medicareCode: 'G0283',
    note: 'Medicare and some payers require G0283 instead',
  },
  { code: 'G0283', service: 'Electrical stimulation, unattended (HCPCS)', timed: false },
  {
    code: 'S8948',
    service: 'Low-level laser, constant attendance',
    timed: true,
    note: 'often denied; "deep tissue laser" has no dedicated code',
  },
];

const BY_CODE = new Map(CODES.map((entry) => [entry.code, entry]));

export const CPT_CODES: readonly string[] = CODES.map((entry) => entry.code);

export function cptCode(code: string): CptCode | undefined {
  return BY_CODE.get(code);
}

export function cptCatalogue(): readonly CptCode[] {
  return CODES;
}
