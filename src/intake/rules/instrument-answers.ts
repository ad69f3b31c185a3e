/**
 * Reading an instrument's answers: item ids, whole-number answers in range, which are unanswered,
 * and the errors that name each bad item. Shared by the scorers in instruments.ts.
 */

export type InstrumentCode = 'odi' | 'start_back' | 'ndi' | 'psfs' | 'rmdq' | 'nprs';
export const INSTRUMENT_CODES: InstrumentCode[] = [
  'odi',
  'start_back',
  'ndi',
  'psfs',
  'rmdq',
  'nprs',
];

export type Answers = Record<string, unknown>;

export interface ItemProblem {
  /** Item id, e.g. `odi_3`, or `answers` for the whole set. */
  item: string;
  reason: string;
}

export class InvalidAnswersError extends Error {
  constructor(
    readonly instrument: InstrumentCode,
    readonly problems: ItemProblem[],
    /**
     * True when every answer is valid but too few were given to score the instrument by its
     * published rules (a request that is well formed but cannot be processed).
     */
    readonly unscorable = false,
  ) {
    super(
      `${instrument}: ${problems.map((problem) => `${problem.item} ${problem.reason}`).join('; ')}`,
    );
  }
}

export const range = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, i) => `${prefix}_${i + 1}`);

export const roundTo = (value: number, decimals: number) => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

/** Checks the item ids and reads integer answers in [min, max]; null or absent means unanswered. */
export function readIntegers(
  instrument: InstrumentCode,
  answers: Answers,
  items: string[],
  min: number,
  max: number,
  required: 'all' | 'optional',
  /** Items whose answers have a narrower range, with the reason to give when it is broken. */
  narrower: Record<string, { max: number; reason: string }> = {},
): Map<string, number | null> {
  const problems: ItemProblem[] = [];
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    throw new InvalidAnswersError(instrument, [
      { item: 'answers', reason: 'must be an object of item ids to answers' },
    ]);
  }
  for (const key of Object.keys(answers)) {
    if (!items.includes(key))
      problems.push({
        item: key,
        reason: `is not an item of ${instrument} (items: ${items[0]} to ${items[items.length - 1]})`,
      });
  }
  const values = new Map<string, number | null>();
  for (const item of items) {
    const value = answers[item];
    if (value === undefined || value === null) {
      if (required === 'all') problems.push({ item, reason: 'must be answered' });
      values.set(item, null);
    } else if (
      typeof value !== 'number' ||
      !Number.isInteger(value) ||
      value < min ||
      value > (narrower[item]?.max ?? max)
    ) {
      problems.push({
        item,
        reason: narrower[item]?.reason ?? `must be a whole number from ${min} to ${max}`,
      });
    } else {
      values.set(item, value);
    }
  }
  if (problems.length > 0) throw new InvalidAnswersError(instrument, problems);
  return values;
}

export const answered = (values: Map<string, number | null>) =>
  [...values.values()].filter((value): value is number => value !== null);

export const unansweredItems = (values: Map<string, number | null>) =>
  [...values.entries()].filter(([, value]) => value === null).map(([item]) => item);

export const asAnswers = (values: Map<string, number | null>): Answers =>
  Object.fromEntries([...values.entries()].filter(([, value]) => value !== null));

/** Refuses answers with more unanswered items than the instrument's published scoring allows. */
export function assertScorable(
  instrument: InstrumentCode,
  values: Map<string, number | null>,
  limit: number,
  rule: string,
): void {
  const missing = unansweredItems(values);
  if (missing.length <= limit) return;
  throw new InvalidAnswersError(
    instrument,
    [
      {
        item: 'answers',
        reason: `leave ${missing.length} unanswered (${missing.join(', ')}): ${rule}`,
      },
    ],
    true,
  );
}
