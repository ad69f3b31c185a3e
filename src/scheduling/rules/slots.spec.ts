/**
 * Bookable slots. Times are minutes after midnight UTC on 2026-11-02 written as 'HH:mm', so a
 * table reads like a diary page; the rules only see epoch milliseconds.
 */
import { type Interval, overlaps } from '../../common/time/intervals';
import { findSlots, openTime, type SlotRequest } from './slots';

const DAY = Date.UTC(2026, 10, 2);
const MINUTE = 60_000;

/** Epoch ms of a diary time 'HH:mm' on the test day. */
const t = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return DAY + (h * 60 + m) * MINUTE;
};
const min = (minutes: number): number => minutes * MINUTE;
const span = (from: string, to: string): Interval => ({ start: t(from), end: t(to) });
/** Diary times back from epoch ms, for readable failures. */
const hhmm = (ms: number): string => {
  const minutes = (ms - DAY) / MINUTE;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};
const starts = (request: SlotRequest): string[] => findSlots(request).map((s) => hhmm(s.start));

const request = (overrides: Partial<SlotRequest>): SlotRequest => ({
  open: [span('09:00', '12:00')],
  busy: [],
  durationMs: min(60),
  bufferBeforeMs: 0,
  bufferAfterMs: 0,
  stepMs: min(30),
  notBefore: Number.MIN_SAFE_INTEGER,
  ...overrides,
});

/**
 * An independent reading of the rule: every step from each open interval's start, kept when the
 * visit fits inside that interval and the visit with its buffers overlaps no busy interval.
 */
function oracle(r: SlotRequest): Interval[] {
  const slots: Interval[] = [];
  for (const window of r.open) {
    for (let start = window.start; start + r.durationMs <= window.end; start += r.stepMs) {
      if (start < r.notBefore) continue;
      const buffered = {
        start: start - r.bufferBeforeMs,
        end: start + r.durationMs + r.bufferAfterMs,
      };
      if (r.busy.some((b) => b.end > b.start && overlaps(b, buffered))) continue;
      slots.push({ start, end: start + r.durationMs });
    }
  }
  return slots;
}

describe('findSlots', () => {
  it('returns visits with their start and end', () => {
    expect(findSlots(request({ open: [span('09:00', '10:00')] }))).toEqual([
      span('09:00', '10:00'),
    ]);
  });

  it.each<[string, Partial<SlotRequest>, string[]]>([
    ['free morning, 60 min every 30', {}, ['09:00', '09:30', '10:00', '10:30', '11:00']],
    ['free morning, 60 min every 60', { stepMs: min(60) }, ['09:00', '10:00', '11:00']],
    [
      'free morning, 45 min every 15',
      { durationMs: min(45), stepMs: min(15) },
      ['09:00', '09:15', '09:30', '09:45', '10:00', '10:15', '10:30', '10:45', '11:00', '11:15'],
    ],
    ['a visit exactly as long as the opening', { open: [span('09:00', '10:00')] }, ['09:00']],
    ['a visit longer than the opening', { open: [span('09:00', '09:59')] }, []],
    ['no open time', { open: [] }, []],
    ['an empty open interval', { open: [span('09:00', '09:00')] }, []],
  ])('%s', (_, overrides, expected) => {
    expect(starts(request(overrides))).toEqual(expected);
  });

  describe('a 60-minute visit never starts later than 60 minutes before closing', () => {
    it.each<[number, string]>([
      [5, '16:00'],
      [7, '15:56'],
      [10, '16:00'],
      [15, '16:00'],
      [20, '16:00'],
      [25, '15:55'],
      [30, '16:00'],
      [45, '15:30'],
      [60, '16:00'],
      [90, '15:30'],
    ])('step %i min: last start %s', (step, last) => {
      const slots = findSlots(request({ open: [span('08:00', '17:00')], stepMs: min(step) }));
      expect(hhmm(slots[slots.length - 1].start)).toBe(last);
      for (const slot of slots) expect(slot.end).toBeLessThanOrEqual(t('17:00'));
    });

    it.each<[number, string]>([
      [15, '16:45'],
      [30, '16:30'],
      [45, '16:15'],
      [60, '16:00'],
      [90, '15:30'],
      [120, '15:00'],
    ])('a %i-minute visit on a 15-minute step starts last at %s', (duration, last) => {
      const slots = findSlots(
        request({ open: [span('08:00', '17:00')], durationMs: min(duration), stepMs: min(15) }),
      );
      expect(hhmm(slots[slots.length - 1].start)).toBe(last);
    });
  });

  describe('step alignment', () => {
    it.each<[string, Interval[], number, number, string[]]>([
      [
        'steps count from each open interval’s own start',
        [span('09:10', '10:30'), span('13:05', '14:20')],
        30,
        30,
        ['09:10', '09:40', '13:05', '13:35'],
      ],
      [
        'an afternoon starting off the hour is not pulled onto the morning’s grid',
        [span('08:00', '10:00'), span('12:20', '14:00')],
        30,
        60,
        ['08:00', '09:00', '12:20', '13:20'],
      ],
      [
        'open intervals given out of order still yield slots in time order',
        [span('13:00', '15:00'), span('08:00', '10:00')],
        30,
        60,
        ['08:00', '09:00', '13:00', '14:00'],
      ],
      [
        'touching open intervals are one stretch of open time',
        [span('09:00', '10:00'), span('10:00', '11:00')],
        60,
        30,
        ['09:00', '09:30', '10:00'],
      ],
      [
        'overlapping open intervals are one stretch of open time',
        [span('09:00', '10:30'), span('10:00', '11:00')],
        60,
        30,
        ['09:00', '09:30', '10:00'],
      ],
      [
        'a gap between open intervals is not bridged',
        [span('09:00', '09:59'), span('10:00', '11:00')],
        60,
        30,
        ['10:00'],
      ],
    ])('%s', (_, open, duration, step, expected) => {
      expect(starts(request({ open, durationMs: min(duration), stepMs: min(step) }))).toEqual(
        expected,
      );
    });
  });

  describe('notBefore', () => {
    const all = ['09:00', '09:30', '10:00', '10:30', '11:00'];
    it.each<[string, number, string[]]>([
      ['before opening changes nothing', t('07:00'), all],
      ['at opening changes nothing', t('09:00'), all],
      ['one millisecond after a step skips that step', t('09:00') + 1, all.slice(1)],
      ['exactly on a step keeps that step', t('10:00'), ['10:00', '10:30', '11:00']],
      [
        'between steps waits for the next step on the grid',
        t('09:40'),
        ['10:00', '10:30', '11:00'],
      ],
      ['at the last start keeps only it', t('11:00'), ['11:00']],
      ['after the last start leaves nothing', t('11:01'), []],
      ['after closing leaves nothing', t('13:00'), []],
    ])('%s', (_, notBefore, expected) => {
      expect(starts(request({ notBefore }))).toEqual(expected);
    });
  });

  describe('busy time', () => {
    it.each<[string, Interval[], string[]]>([
      ['a booking in the middle', [span('10:00', '11:00')], ['09:00', '11:00']],
      [
        'a booking touching the visit end does not block it',
        [span('10:00', '10:30')],
        ['09:00', '10:30', '11:00'],
      ],
      [
        'a booking touching the visit start does not block it',
        [span('08:00', '09:00')],
        ['09:00', '09:30', '10:00', '10:30', '11:00'],
      ],
      ['a one-minute overlap blocks', [span('09:59', '10:00')], ['10:00', '10:30', '11:00']],
      ['busy the whole morning', [span('08:00', '13:00')], []],
      [
        'busy outside open time changes nothing',
        [span('06:00', '08:00'), span('13:00', '18:00')],
        ['09:00', '09:30', '10:00', '10:30', '11:00'],
      ],
      [
        'several unsorted bookings',
        [span('11:30', '12:00'), span('09:00', '09:30')],
        ['09:30', '10:00', '10:30'],
      ],
      [
        'touching bookings block as one',
        [span('09:30', '10:00'), span('10:00', '10:30')],
        ['10:30', '11:00'],
      ],
      [
        'overlapping bookings block as one',
        [span('09:30', '10:15'), span('10:00', '10:30')],
        ['10:30', '11:00'],
      ],
      [
        'an empty busy interval blocks nothing',
        [span('10:00', '10:00')],
        ['09:00', '09:30', '10:00', '10:30', '11:00'],
      ],
    ])('%s', (_, busy, expected) => {
      expect(starts(request({ busy }))).toEqual(expected);
    });
  });

  describe('buffers', () => {
    const buffered = (busy: Interval[], before: number, after: number) =>
      starts(
        request({
          busy,
          bufferBeforeMs: min(before),
          bufferAfterMs: min(after),
          stepMs: min(15),
        }),
      );

    it.each<[string, Interval[], number, number, string[]]>([
      [
        'busy ending exactly where the buffer before starts does not block',
        [span('08:00', '08:45')],
        15,
        0,
        ['09:00', '09:15', '09:30', '09:45', '10:00', '10:15', '10:30', '10:45', '11:00'],
      ],
      [
        'busy ending one minute into the buffer before blocks',
        [span('08:00', '08:46')],
        15,
        0,
        ['09:15', '09:30', '09:45', '10:00', '10:15', '10:30', '10:45', '11:00'],
      ],
      [
        'busy starting exactly where the buffer after ends does not block',
        [span('12:15', '13:00')],
        0,
        15,
        ['09:00', '09:15', '09:30', '09:45', '10:00', '10:15', '10:30', '10:45', '11:00'],
      ],
      [
        'busy starting one minute before the buffer after ends blocks',
        [span('12:14', '13:00')],
        0,
        15,
        ['09:00', '09:15', '09:30', '09:45', '10:00', '10:15', '10:30', '10:45'],
      ],
      [
        'a buffer after keeps the visit clear of the next booking',
        [span('11:00', '12:00')],
        0,
        15,
        ['09:00', '09:15', '09:30', '09:45'],
      ],
      [
        'a buffer before keeps the visit clear of the last booking',
        [span('09:00', '10:00')],
        15,
        0,
        ['10:15', '10:30', '10:45', '11:00'],
      ],
      [
        'buffers on both sides around a booking in the middle',
        [span('10:30', '11:00')],
        15,
        15,
        ['09:00', '09:15'],
      ],
      [
        'buffers may lie outside open time when that time is free',
        [],
        30,
        30,
        ['09:00', '09:15', '09:30', '09:45', '10:00', '10:15', '10:30', '10:45', '11:00'],
      ],
      [
        'a buffer may not reach busy time outside open time',
        [span('08:00', '09:00'), span('12:00', '13:00')],
        15,
        15,
        ['09:15', '09:30', '09:45', '10:00', '10:15', '10:30', '10:45'],
      ],
    ])('%s', (_, busy, before, after, expected) => {
      expect(buffered(busy, before, after)).toEqual(expected);
    });

    it('back-to-back bookings with buffers: each visit’s buffer clears the other booking’s buffer', () => {
      // An existing 10:00-11:00 visit with 15-minute buffers holds 09:45-11:15.
      const existing = { start: t('10:00') - min(15), end: t('11:00') + min(15) };
      const slots = findSlots(
        request({
          open: [span('08:00', '13:00')],
          busy: [existing],
          bufferBeforeMs: min(15),
          bufferAfterMs: min(15),
          stepMs: min(15),
        }),
      );
      expect(slots.map((s) => hhmm(s.start))).toEqual([
        '08:00',
        '08:15',
        '08:30',
        '11:30',
        '11:45',
        '12:00',
      ]);
      // The latest visit before ends at 09:30: its buffer 09:30-09:45 meets the booking's buffer.
      expect(hhmm(slots[2].end)).toBe('09:30');
      // The earliest visit after starts at 11:30: its buffer 11:15-11:30 meets the booking's buffer.
      expect(hhmm(slots[3].start)).toBe('11:30');
    });

    it('a day booked greedily from its own slots fills with visits whose buffers meet', () => {
      // Book the first slot, then the first slot of what is left, until the day is full.
      const base = request({
        open: [span('08:00', '12:00')],
        bufferBeforeMs: min(10),
        bufferAfterMs: min(10),
        durationMs: min(45),
        stepMs: min(5),
      });
      const booked: Interval[] = [];
      for (;;) {
        const [first] = findSlots({
          ...base,
          busy: booked.map((b) => ({ start: b.start - min(10), end: b.end + min(10) })),
        });
        if (!first) break;
        booked.push(first);
      }
      expect(booked.map((b) => `${hhmm(b.start)}-${hhmm(b.end)}`)).toEqual([
        '08:00-08:45',
        '09:05-09:50',
        '10:10-10:55',
        '11:15-12:00',
      ]);
    });
  });

  describe('agrees with a direct reading of the rule', () => {
    const opens: Interval[][] = [
      [span('08:00', '12:00'), span('13:00', '17:00')],
      [span('09:10', '11:50')],
      [span('14:00', '18:00'), span('07:30', '09:00')],
    ];
    const busies: Interval[][] = [
      [],
      [span('10:00', '11:00')],
      [span('08:30', '09:15'), span('11:45', '13:30'), span('15:00', '15:05')],
      [span('07:00', '08:10'), span('16:50', '19:00')],
    ];
    const cases = opens.flatMap((open) =>
      busies.flatMap((busy) =>
        [
          [30, 0, 0, 15],
          [45, 10, 5, 5],
          [60, 15, 15, 30],
          [90, 0, 30, 20],
        ].map(([duration, before, after, step]) => ({
          open,
          busy,
          durationMs: min(duration),
          bufferBeforeMs: min(before),
          bufferAfterMs: min(after),
          stepMs: min(step),
          notBefore: t('08:20'),
        })),
      ),
    );

    it.each(cases.map((c, i) => [i, c] as const))('case %i', (_, c) => {
      const slots = findSlots(c);
      expect(slots).toEqual(oracle(c).sort((a, b) => a.start - b.start));
      for (const slot of slots) {
        expect(c.open.some((o) => o.start <= slot.start && slot.end <= o.end)).toBe(true);
        expect(slot.end - slot.start).toBe(c.durationMs);
        expect(slot.start).toBeGreaterThanOrEqual(c.notBefore);
      }
    });
  });
});

describe('openTime', () => {
  it.each<[string, Interval[], Interval[], Interval[], Interval[]]>([
    [
      'working inside opening',
      [span('08:00', '17:00')],
      [span('09:00', '13:00')],
      [],
      [span('09:00', '13:00')],
    ],
    [
      'opening inside working',
      [span('09:00', '13:00')],
      [span('08:00', '17:00')],
      [],
      [span('09:00', '13:00')],
    ],
    [
      'a split shift against one opening',
      [span('08:00', '17:00')],
      [span('07:00', '12:00'), span('13:00', '18:00')],
      [],
      [span('08:00', '12:00'), span('13:00', '17:00')],
    ],
    ['no overlap', [span('08:00', '12:00')], [span('12:00', '17:00')], [], []],
    ['not working', [span('08:00', '17:00')], [], [], []],
    ['closed all day', [], [span('08:00', '17:00')], [], []],
    [
      'a closure in the middle',
      [span('08:00', '17:00')],
      [span('09:00', '13:00'), span('14:00', '18:00')],
      [span('11:00', '12:00')],
      [span('09:00', '11:00'), span('12:00', '13:00'), span('14:00', '17:00')],
    ],
    [
      'a closure over the lunch gap cuts both sides',
      [span('08:00', '17:00')],
      [span('09:00', '13:00'), span('14:00', '18:00')],
      [span('12:30', '14:30')],
      [span('09:00', '12:30'), span('14:30', '17:00')],
    ],
    [
      'closures touching the edges remove nothing',
      [span('08:00', '17:00')],
      [span('09:00', '13:00')],
      [span('07:00', '09:00'), span('13:00', '14:00')],
      [span('09:00', '13:00')],
    ],
    [
      'a closure over the whole day',
      [span('08:00', '17:00')],
      [span('09:00', '13:00')],
      [span('00:00', '23:59')],
      [],
    ],
    [
      'a closure of the morning',
      [span('08:00', '17:00')],
      [span('08:00', '17:00')],
      [span('00:00', '12:00')],
      [span('12:00', '17:00')],
    ],
  ])('%s', (_, opening, working, closures, expected) => {
    expect(openTime(opening, working, closures)).toEqual(expected);
  });

  it('feeds findSlots: no visit lands in a closure or outside working hours', () => {
    const open = openTime(
      [span('08:00', '17:00')],
      [span('09:00', '13:00'), span('14:00', '18:00')],
      [span('11:00', '12:00')],
    );
    expect(starts(request({ open, stepMs: min(60) }))).toEqual([
      '09:00',
      '10:00',
      '12:00',
      '14:00',
      '15:00',
      '16:00',
    ]);
  });
});
