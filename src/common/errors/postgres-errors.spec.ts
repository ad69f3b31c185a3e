import { QueryFailedError } from 'typeorm';
import { DomainError, ErrorKind } from './domain-error';
import {
  describeConstraints,
  domainErrorFromPostgres,
  isDatabaseUnavailable,
} from './postgres-errors';

interface PgFields {
  code: string;
  constraint?: string;
  column?: string;
  table?: string;
  detail?: string;
}

/** The shape node-postgres gives a server error: an Error carrying the server's fields. */
function pgError(fields: PgFields): Error & PgFields & { severity: string } {
  return Object.assign(new Error('server error'), { severity: 'ERROR', ...fields });
}

const asQueryFailed = (fields: PgFields) =>
  new QueryFailedError('INSERT INTO x VALUES ($1)', [1], pgError(fields));

const asBareDriverError = (fields: PgFields) => ({ severity: 'ERROR', ...fields });

const wrappers = [
  { wrapping: 'a typeorm QueryFailedError', wrap: asQueryFailed },
  { wrapping: 'a bare driver error', wrap: asBareDriverError },
];

interface Case {
  name: string;
  pg: PgFields;
  kind: ErrorKind;
  code: string;
  message: string;
  fields: { field: string; reason: string }[];
}

const cases: Case[] = [
  {
    name: 'unique violation',
    pg: { code: '23505', constraint: 'spec_things_name_key', table: 'things' },
    kind: ErrorKind.Conflict,
    code: 'database.unique_violation',
    message: 'A record with the same values already exists (spec_things_name_key)',
    fields: [],
  },
  {
    name: 'exclusion violation',
    pg: { code: '23P01', constraint: 'spec_bookings_no_overlap' },
    kind: ErrorKind.Conflict,
    code: 'database.exclusion_violation',
    message: 'The change conflicts with an existing record (spec_bookings_no_overlap)',
    fields: [],
  },
  {
    name: 'foreign key to a missing row',
    pg: {
      code: '23503',
      constraint: 'spec_things_owner_id_fkey',
      detail: 'Key (owner_id)=(42) is not present in table "owners".',
    },
    kind: ErrorKind.Unprocessable,
    code: 'database.reference_not_found',
    message: 'A referenced record does not exist (spec_things_owner_id_fkey)',
    fields: [],
  },
  {
    name: 'foreign key without a detail',
    pg: { code: '23503' },
    kind: ErrorKind.Unprocessable,
    code: 'database.reference_not_found',
    message: 'A referenced record does not exist',
    fields: [],
  },
  {
    name: 'delete of a row still referenced',
    pg: {
      code: '23503',
      constraint: 'spec_things_owner_id_fkey',
      detail: 'Key (id)=(42) is still referenced from table "things".',
    },
    kind: ErrorKind.Conflict,
    code: 'database.still_referenced',
    message: 'The record is still referenced by other records (spec_things_owner_id_fkey)',
    fields: [],
  },
  {
    name: 'check violation',
    pg: { code: '23514', constraint: 'spec_things_amount_positive' },
    kind: ErrorKind.Unprocessable,
    code: 'database.check_violation',
    message: 'A value breaks a rule of the record (spec_things_amount_positive)',
    fields: [],
  },
  {
    name: 'not-null violation naming the column',
    pg: { code: '23502', column: 'full_name', table: 'things' },
    kind: ErrorKind.Unprocessable,
    code: 'database.not_null_violation',
    message: 'full_name is required',
    fields: [{ field: 'full_name', reason: 'full_name is required' }],
  },
  {
    name: 'not-null violation without a column',
    pg: { code: '23502' },
    kind: ErrorKind.Unprocessable,
    code: 'database.not_null_violation',
    message: 'A required value is required',
    fields: [],
  },
  ...['22P02', '22007', '22008', '22003', '22001', '22021', '22P05'].map((code) => ({
    name: `invalid value (${code})`,
    pg: { code },
    kind: ErrorKind.BadRequest,
    code: 'database.invalid_value',
    message: 'A value has the wrong form or is out of range',
    fields: [],
  })),
  ...['40001', '40P01'].map((code) => ({
    name: `concurrent change (${code})`,
    pg: { code },
    kind: ErrorKind.Conflict,
    code: 'database.concurrent_change',
    message: 'Another change to the same records happened at the same time; retry the request',
    fields: [],
  })),
];

describe('domainErrorFromPostgres', () => {
  describe.each(wrappers)('given $wrapping', ({ wrap }) => {
    it.each(cases)('maps $name to $code', ({ pg, kind, code, message, fields }) => {
      const error = domainErrorFromPostgres(wrap(pg));

      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ kind, code, message, fieldErrors: fields });
    });

    // 08xxx (connection exceptions) mean the database is out of reach: see below.
    it.each(['42P01', '57014'])('leaves the unmapped code %s alone', (code) => {
      expect(domainErrorFromPostgres(wrap({ code }))).toBeUndefined();
    });
  });

  it.each<{ name: string; error: unknown }>([
    { name: 'a plain Error', error: new Error('boom') },
    {
      name: 'a Node system error other than a connection’s',
      error: Object.assign(new Error('open ENOENT'), { code: 'ENOENT' }),
    },
    { name: 'an object with a severity but no code', error: { severity: 'ERROR' } },
    { name: 'undefined', error: undefined },
    { name: 'null', error: null },
    { name: 'a string', error: '23505' },
    {
      name: 'a QueryFailedError whose driver error has no code',
      error: new QueryFailedError('SELECT 1', [], new Error('no code')),
    },
  ])('ignores $name', ({ error }) => {
    expect(domainErrorFromPostgres(error)).toBeUndefined();
  });
});

describe('describeConstraints', () => {
  beforeAll(() => {
    describeConstraints({
      spec_widgets_code_key: { field: 'code', message: 'A widget with this code already exists' },
      spec_widgets_owner_id_fkey: { field: 'ownerId', message: 'The owner does not exist' },
      spec_widgets_size_positive: { message: 'size must be positive' },
    });
  });

  it.each<{ name: string; pg: PgFields; code: string; message: string; field?: string }>([
    {
      name: 'a unique violation',
      pg: { code: '23505', constraint: 'spec_widgets_code_key' },
      code: 'database.unique_violation',
      message: 'A widget with this code already exists',
      field: 'code',
    },
    {
      name: 'a missing reference',
      pg: {
        code: '23503',
        constraint: 'spec_widgets_owner_id_fkey',
        detail: 'Key (owner_id)=(7) is not present in table "owners".',
      },
      code: 'database.reference_not_found',
      message: 'The owner does not exist',
      field: 'ownerId',
    },
    {
      name: 'a check violation with no described field, naming the column instead',
      pg: { code: '23514', constraint: 'spec_widgets_size_positive', column: 'size' },
      code: 'database.check_violation',
      message: 'size must be positive',
      field: 'size',
    },
    {
      name: 'a check violation with neither a described field nor a column',
      pg: { code: '23514', constraint: 'spec_widgets_size_positive' },
      code: 'database.check_violation',
      message: 'size must be positive',
    },
  ])('uses the described wording for $name', ({ pg, code, message, field }) => {
    const error = domainErrorFromPostgres(asQueryFailed(pg));

    expect(error?.code).toBe(code);
    expect(error?.message).toBe(message);
    expect(error?.fieldErrors).toEqual(field ? [{ field, reason: message }] : []);
  });

  it('keeps the generic message for constraints nobody described', () => {
    const error = domainErrorFromPostgres(
      asQueryFailed({ code: '23505', constraint: 'spec_gadgets_code_key' }),
    );

    expect(error?.message).toBe(
      'A record with the same values already exists (spec_gadgets_code_key)',
    );
    expect(error?.fieldErrors).toEqual([]);
  });

  it('lets a later description of the same constraint replace the earlier one', () => {
    describeConstraints({ spec_sprockets_name_key: { field: 'name', message: 'first wording' } });
    describeConstraints({ spec_sprockets_name_key: { field: 'label', message: 'second wording' } });

    const error = domainErrorFromPostgres(
      asQueryFailed({ code: '23505', constraint: 'spec_sprockets_name_key' }),
    );

    expect(error?.fieldErrors).toEqual([{ field: 'label', reason: 'second wording' }]);
  });
});

describe('a database out of reach', () => {
  const socketError = (code: string) => Object.assign(new Error(`connect ${code}`), { code });

  it.each([
    ['refused', socketError('ECONNREFUSED')],
    ['reset', socketError('ECONNRESET')],
    ['no connection in time', new Error('timeout exceeded when trying to connect')],
    ['no answer in time', new Error('Query read timeout')],
    ['closed mid-query', new Error('Connection terminated unexpectedly')],
    [
      'shutting down (57P01)',
      Object.assign(new Error('terminating connection'), { code: '57P01' }),
    ],
    [
      'starting up (57P03)',
      Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
    ],
    ['out of connections (53300)', Object.assign(new Error('too many clients'), { code: '53300' })],
    [
      'a connection exception (08006)',
      Object.assign(new Error('connection failure'), { code: '08006' }),
    ],
  ])('is 503 database.unavailable with Retry-After when %s', (_name, cause) => {
    for (const error of [cause, new QueryFailedError('SELECT 1', [], cause)]) {
      const translated = domainErrorFromPostgres(error);
      expect(translated?.kind).toBe(ErrorKind.Unavailable);
      expect(translated?.code).toBe('database.unavailable');
      expect(translated?.retryAfterSeconds).toBeGreaterThan(0);
    }
  });

  it('is not an integrity refusal or an unknown error', () => {
    expect(isDatabaseUnavailable(asQueryFailed({ code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('something else'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
