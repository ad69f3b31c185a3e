import { DomainError } from './errors/domain-error';
import { NulCharactersPipe, pathsWithNul } from './nul-characters.pipe';

describe('pathsWithNul', () => {
  it.each([
    ['a plain string', 'Ann', []],
    ['a string with NUL', 'A\u0000nn', ['']],
    ['a nested field', { address: { line1: 'x\u0000' } }, ['address.line1']],
    ['an array item', { windows: [{ opens: 'ok' }, { opens: '\u0000' }] }, ['windows[1].opens']],
    ['a key with NUL', { 'ke\u0000y': 1 }, ['ke\u0000y']],
    ['numbers, booleans and null', { n: 1, b: true, z: null }, []],
  ])('%s', (_name, value, expected) => {
    expect(pathsWithNul(value)).toEqual(expected);
  });
});

describe('NulCharactersPipe', () => {
  const pipe = new NulCharactersPipe();

  it('passes text without NUL through unchanged', () => {
    const body = { firstName: 'Ann' };
    expect(pipe.transform(body, { type: 'body' })).toBe(body);
  });

  it('names each field with NUL in a 400 validation problem', () => {
    let error: unknown;
    try {
      pipe.transform({ firstName: 'A\u0000', address: { city: '\u0000' } }, { type: 'body' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('request.validation_failed');
    expect((error as DomainError).fieldErrors.map((e) => e.field)).toEqual([
      'firstName',
      'address.city',
    ]);
  });

  it('names a path parameter by its name', () => {
    expect(() => pipe.transform('a\u0000', { type: 'param', data: 'token' })).toThrow(
      'Invalid field: token',
    );
  });

  it('leaves custom decorators alone', () => {
    expect(pipe.transform('\u0000', { type: 'custom' })).toBe('\u0000');
  });
});
