/**
 * Half-open intervals [start, end) of epoch milliseconds. Small whole numbers stand in for
 * instants: the rules only compare and order them.
 */
import { contains, intersect, type Interval, normalize, overlaps, subtract } from './intervals';

const iv = (start: number, end: number): Interval => ({ start, end });

describe('normalize', () => {
  it.each<[string, Interval[], Interval[]]>([
    ['an empty set stays empty', [], []],
    ['one interval is kept', [iv(1, 3)], [iv(1, 3)]],
    ['disjoint intervals are kept apart', [iv(1, 3), iv(5, 7)], [iv(1, 3), iv(5, 7)]],
    ['unsorted intervals come out sorted', [iv(5, 7), iv(1, 3)], [iv(1, 3), iv(5, 7)]],
    ['touching intervals merge', [iv(1, 3), iv(3, 5)], [iv(1, 5)]],
    ['touching intervals given backwards merge', [iv(3, 5), iv(1, 3)], [iv(1, 5)]],
    ['overlapping intervals merge', [iv(1, 4), iv(3, 6)], [iv(1, 6)]],
    ['an interval inside another disappears into it', [iv(1, 10), iv(3, 4)], [iv(1, 10)]],
    ['identical intervals merge', [iv(2, 4), iv(2, 4)], [iv(2, 4)]],
    ['same start, longer end wins', [iv(2, 4), iv(2, 8)], [iv(2, 8)]],
    ['a chain of overlaps merges into one', [iv(1, 3), iv(2, 5), iv(4, 7), iv(7, 9)], [iv(1, 9)]],
    [
      'a long interval swallows later short ones',
      [iv(1, 10), iv(2, 3), iv(4, 5), iv(9, 12)],
      [iv(1, 12)],
    ],
    ['an empty interval is dropped', [iv(3, 3)], []],
    ['a reversed interval is dropped', [iv(5, 2)], []],
    [
      'empty intervals between real ones are dropped',
      [iv(1, 2), iv(4, 4), iv(6, 7)],
      [iv(1, 2), iv(6, 7)],
    ],
    ['an empty interval touching a real one adds nothing', [iv(1, 3), iv(3, 3)], [iv(1, 3)]],
    [
      'an empty interval inside a gap does not bridge it',
      [iv(1, 3), iv(4, 4), iv(5, 6)],
      [iv(1, 3), iv(5, 6)],
    ],
    ['a one-millisecond gap keeps intervals apart', [iv(1, 3), iv(4, 6)], [iv(1, 3), iv(4, 6)]],
    ['negative instants are ordered too', [iv(-1, 2), iv(-5, -3)], [iv(-5, -3), iv(-1, 2)]],
  ])('%s', (_, input, expected) => {
    expect(normalize(input)).toEqual(expected);
  });

  it('leaves its input untouched', () => {
    const input = [iv(5, 7), iv(1, 3), iv(2, 6)];
    const copy = input.map((i) => ({ ...i }));
    normalize(input);
    expect(input).toEqual(copy);
  });

  it('returns new objects, so changing the result does not change the input', () => {
    const input = [iv(1, 3)];
    const [result] = normalize(input);
    result.end = 99;
    expect(input).toEqual([iv(1, 3)]);
  });
});

describe('intersect', () => {
  it.each<[string, Interval[], Interval[], Interval[]]>([
    ['nothing with nothing', [], [], []],
    ['something with nothing', [iv(1, 5)], [], []],
    ['nothing with something', [], [iv(1, 5)], []],
    ['identical sets', [iv(1, 5)], [iv(1, 5)], [iv(1, 5)]],
    ['partial overlap on the right', [iv(1, 5)], [iv(3, 8)], [iv(3, 5)]],
    ['partial overlap on the left', [iv(3, 8)], [iv(1, 5)], [iv(3, 5)]],
    ['one inside the other', [iv(1, 10)], [iv(3, 4)], [iv(3, 4)]],
    ['the other inside the one', [iv(3, 4)], [iv(1, 10)], [iv(3, 4)]],
    ['touching intervals share no instant', [iv(1, 3)], [iv(3, 5)], []],
    ['touching the other way round', [iv(3, 5)], [iv(1, 3)], []],
    ['disjoint intervals', [iv(1, 2)], [iv(5, 6)], []],
    ['same start', [iv(1, 5)], [iv(1, 3)], [iv(1, 3)]],
    ['same end', [iv(1, 5)], [iv(3, 5)], [iv(3, 5)]],
    [
      'one long interval cut by several short ones',
      [iv(0, 20)],
      [iv(1, 3), iv(5, 8), iv(18, 25)],
      [iv(1, 3), iv(5, 8), iv(18, 20)],
    ],
    [
      'two sets of several intervals',
      [iv(0, 4), iv(6, 10), iv(12, 16)],
      [iv(2, 7), iv(9, 13), iv(15, 20)],
      [iv(2, 4), iv(6, 7), iv(9, 10), iv(12, 13), iv(15, 16)],
    ],
    [
      'intervals ending together move both sides on',
      [iv(0, 5), iv(6, 9)],
      [iv(2, 5), iv(7, 12)],
      [iv(2, 5), iv(7, 9)],
    ],
    [
      'unsorted, overlapping input is normalized first',
      [iv(4, 9), iv(0, 5)],
      [iv(2, 3), iv(8, 12)],
      [iv(2, 3), iv(8, 9)],
    ],
    ['touching input intervals count as one', [iv(0, 5), iv(5, 10)], [iv(3, 7)], [iv(3, 7)]],
    ['empty intervals add nothing', [iv(0, 10), iv(12, 12)], [iv(12, 12), iv(5, 5)], []],
  ])('%s', (_, a, b, expected) => {
    expect(intersect(a, b)).toEqual(expected);
  });

  it.each<[Interval[], Interval[]]>([
    [
      [iv(0, 4), iv(6, 10)],
      [iv(2, 7), iv(9, 13)],
    ],
    [[iv(1, 3)], [iv(0, 10)]],
    [[iv(0, 20)], [iv(1, 3), iv(5, 8)]],
  ])('is symmetric: %j with %j', (a, b) => {
    expect(intersect(a, b)).toEqual(intersect(b, a));
  });
});

describe('subtract', () => {
  it.each<[string, Interval[], Interval[], Interval[]]>([
    ['nothing from something leaves it whole', [iv(0, 10)], [], [iv(0, 10)]],
    ['something from nothing leaves nothing', [], [iv(0, 10)], []],
    ['a cut at the start', [iv(0, 10)], [iv(-5, 3)], [iv(3, 10)]],
    ['a cut at the start, exactly aligned', [iv(0, 10)], [iv(0, 3)], [iv(3, 10)]],
    ['a cut at the end', [iv(0, 10)], [iv(7, 15)], [iv(0, 7)]],
    ['a cut at the end, exactly aligned', [iv(0, 10)], [iv(7, 10)], [iv(0, 7)]],
    ['cuts at both ends', [iv(0, 10)], [iv(-2, 2), iv(8, 12)], [iv(2, 8)]],
    ['a cut in the middle splits in two', [iv(0, 10)], [iv(4, 6)], [iv(0, 4), iv(6, 10)]],
    [
      'several cuts in the middle',
      [iv(0, 20)],
      [iv(2, 4), iv(8, 9), iv(15, 17)],
      [iv(0, 2), iv(4, 8), iv(9, 15), iv(17, 20)],
    ],
    ['a cut covering it removes it wholly', [iv(2, 8)], [iv(0, 10)], []],
    ['an identical cut removes it wholly', [iv(2, 8)], [iv(2, 8)], []],
    ['touching cuts together covering it remove it wholly', [iv(2, 8)], [iv(2, 5), iv(5, 8)], []],
    [
      'overlapping cuts together covering it remove it wholly',
      [iv(2, 8)],
      [iv(1, 6), iv(4, 9)],
      [],
    ],
    ['a cut touching its start removes nothing', [iv(5, 10)], [iv(0, 5)], [iv(5, 10)]],
    ['a cut touching its end removes nothing', [iv(5, 10)], [iv(10, 15)], [iv(5, 10)]],
    ['cuts touching both edges remove nothing', [iv(5, 10)], [iv(0, 5), iv(10, 15)], [iv(5, 10)]],
    ['a disjoint cut removes nothing', [iv(5, 10)], [iv(20, 30)], [iv(5, 10)]],
    ['an empty cut removes nothing', [iv(5, 10)], [iv(7, 7)], [iv(5, 10)]],
    ['a reversed cut removes nothing', [iv(5, 10)], [iv(9, 6)], [iv(5, 10)]],
    [
      'one cut spanning the gap between two intervals',
      [iv(0, 5), iv(10, 15)],
      [iv(3, 12)],
      [iv(0, 3), iv(12, 15)],
    ],
    [
      'cuts across several intervals',
      [iv(0, 5), iv(10, 15), iv(20, 25)],
      [iv(4, 11), iv(14, 21), iv(24, 30)],
      [iv(0, 4), iv(11, 14), iv(21, 24)],
    ],
    [
      'one interval removed wholly, its neighbours kept',
      [iv(0, 5), iv(10, 15), iv(20, 25)],
      [iv(9, 16)],
      [iv(0, 5), iv(20, 25)],
    ],
    [
      'unsorted, overlapping cuts',
      [iv(0, 20)],
      [iv(12, 14), iv(2, 5), iv(4, 6), iv(13, 16)],
      [iv(0, 2), iv(6, 12), iv(16, 20)],
    ],
    [
      'unsorted, touching intervals are merged first',
      [iv(5, 10), iv(0, 5)],
      [iv(4, 6)],
      [iv(0, 4), iv(6, 10)],
    ],
    ['a one-millisecond cut', [iv(0, 10)], [iv(5, 6)], [iv(0, 5), iv(6, 10)]],
  ])('%s', (_, from, remove, expected) => {
    expect(subtract(from, remove)).toEqual(expected);
  });

  it('leaves its inputs untouched', () => {
    const from = [iv(10, 15), iv(0, 5)];
    const remove = [iv(3, 12)];
    subtract(from, remove);
    expect(from).toEqual([iv(10, 15), iv(0, 5)]);
    expect(remove).toEqual([iv(3, 12)]);
  });
});

describe('contains', () => {
  const set = [iv(0, 10), iv(20, 30)];

  it.each<[string, Interval, boolean]>([
    ['strictly inside the first', iv(2, 8), true],
    ['strictly inside the second', iv(22, 28), true],
    ['equal to an interval', iv(0, 10), true],
    ['sharing the start', iv(0, 5), true],
    ['sharing the end (the end is exclusive on both)', iv(5, 10), true],
    ['one millisecond past the end', iv(5, 11), false],
    ['one millisecond before the start', iv(-1, 5), false],
    ['starting at the end of an interval', iv(10, 12), false],
    ['in the gap', iv(12, 18), false],
    ['spanning the gap between two intervals', iv(5, 25), false],
    ['covering an interval and more', iv(-5, 15), false],
    ['after everything', iv(40, 50), false],
  ])('%s: %j -> %s', (_, inner, expected) => {
    expect(contains(set, inner)).toBe(expected);
  });

  it('holds nothing in an empty set', () => {
    expect(contains([], iv(0, 1))).toBe(false);
  });
});

describe('overlaps', () => {
  it.each<[string, Interval, Interval, boolean]>([
    ['identical', iv(0, 10), iv(0, 10), true],
    ['partial, b later', iv(0, 10), iv(5, 15), true],
    ['partial, b earlier', iv(5, 15), iv(0, 10), true],
    ['b inside a', iv(0, 10), iv(3, 4), true],
    ['a inside b', iv(3, 4), iv(0, 10), true],
    ['same start', iv(0, 5), iv(0, 10), true],
    ['same end', iv(5, 10), iv(0, 10), true],
    ['by one millisecond', iv(0, 10), iv(9, 20), true],
    ['touching, a before b', iv(0, 10), iv(10, 20), false],
    ['touching, b before a', iv(10, 20), iv(0, 10), false],
    ['apart, a before b', iv(0, 10), iv(11, 20), false],
    ['apart, b before a', iv(11, 20), iv(0, 10), false],
  ])('%s: %j and %j -> %s', (_, a, b, expected) => {
    expect(overlaps(a, b)).toBe(expected);
    expect(overlaps(b, a)).toBe(expected);
  });
});
