import { SentMarks } from './sent-marks';

/** A write that the test finishes by hand, recording each batch it was given. */
function controlledWrite() {
  const batches: { ids: string[]; attempts: number[] }[] = [];
  const pending: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const write = (ids: string[], attempts: number[]) => {
    batches.push({ ids, attempts });
    return new Promise<void>((resolve, reject) => pending.push({ resolve, reject }));
  };
  return { batches, pending, write };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('SentMarks', () => {
  it('writes the first mark at once and gathers the ones that come while it is in flight', async () => {
    const { batches, pending, write } = controlledWrite();
    const marks = new SentMarks(write);
    const first = marks.mark('b', 1);
    const later = [marks.mark('d', 2), marks.mark('c', 1)];
    expect(batches).toEqual([{ ids: ['b'], attempts: [1] }]);

    pending[0].resolve();
    await first;
    await settled();
    // In id order, the attempts beside their ids.
    expect(batches[1]).toEqual({ ids: ['c', 'd'], attempts: [1, 2] });
    pending[1].resolve();
    await Promise.all(later);
    expect(batches).toHaveLength(2);
  });

  it('settles a mark only when the statement holding it commits', async () => {
    const { pending, write } = controlledWrite();
    const marks = new SentMarks(write);
    let done = false;
    void marks.mark('a', 1).then(() => (done = true));
    await settled();
    expect(done).toBe(false);
    pending[0].resolve();
    await settled();
    expect(done).toBe(true);
  });

  it('fails every mark of a failed statement, and writes the next batch all the same', async () => {
    const { batches, pending, write } = controlledWrite();
    const marks = new SentMarks(write);
    const first = marks.mark('a', 1);
    const second = marks.mark('b', 1);
    const third = marks.mark('c', 1);
    pending[0].resolve();
    await first;
    await settled();
    pending[1].reject(new Error('database gone'));
    await expect(second).rejects.toThrow('database gone');
    await expect(third).rejects.toThrow('database gone');

    const fourth = marks.mark('d', 1);
    expect(batches[2]).toEqual({ ids: ['d'], attempts: [1] });
    pending[2].resolve();
    await expect(fourth).resolves.toBeUndefined();
  });

  it('writes at most 100 marks in one statement', async () => {
    const { batches, pending, write } = controlledWrite();
    const marks = new SentMarks(write);
    const all = Array.from({ length: 151 }, (_, i) => marks.mark(`id-${1000 + i}`, 1));
    pending[0].resolve();
    await settled();
    pending[1].resolve();
    await settled();
    pending[2].resolve();
    await Promise.all(all);
    expect(batches.map((batch) => batch.ids.length)).toEqual([1, 100, 50]);
  });
});
