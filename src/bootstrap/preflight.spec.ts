import {
  assertPostgresReachable,
  assertRedisReachable,
  displayUrl,
  StartupError,
} from './preflight';

// Port 1 (tcpmux) is closed on any machine that runs the tests, so connecting is refused at once.
const CLOSED_REDIS = 'redis://127.0.0.1:1';
const CLOSED_POSTGRES = 'postgres://postgres@127.0.0.1:1/x';

async function startupErrorOf(check: Promise<void>): Promise<StartupError> {
  const error: unknown = await check.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(StartupError);
  return error as StartupError;
}

describe('displayUrl', () => {
  it.each([
    {
      name: 'a PostgreSQL password',
      url: 'postgres://app:s3cret@db.internal:5432/pt',
      shown: 'postgres://app:***@db.internal:5432/pt',
    },
    {
      name: 'a Redis password without a user',
      url: 'redis://:s3cret@cache.internal:6380/2',
      shown: 'redis://:***@cache.internal:6380/2',
    },
    {
      name: 'a percent-encoded password',
      url: 'rediss://user:p%40ss@host',
      shown: 'rediss://user:***@host',
    },
  ])('hides $name', ({ url, shown }) => {
    const displayed = displayUrl(url);

    expect(displayed).toBe(shown);
    expect(displayed).not.toContain('s3cret');
    expect(displayed).not.toContain('p%40ss');
  });

  it.each([
    { name: 'no credentials', url: 'redis://127.0.0.1:6379', shown: 'redis://127.0.0.1:6379' },
    {
      name: 'only a user',
      url: 'postgres://postgres@127.0.0.1:5432/x',
      shown: 'postgres://postgres@127.0.0.1:5432/x',
    },
  ])('shows a URL with $name unchanged', ({ url, shown }) => {
    expect(displayUrl(url)).toBe(shown);
  });

  it('does not echo a string it cannot parse, which could be a bare secret', () => {
    expect(displayUrl('not a url with s3cret')).toBe('(unparseable URL)');
  });
});

describe('assertRedisReachable', () => {
  it('explains in one line that REDIS_URL does not answer and how to fix it', async () => {
    const { message } = await startupErrorOf(assertRedisReachable(CLOSED_REDIS));

    expect(message).not.toContain('\n');
    expect(message).toContain(`REDIS_URL=${CLOSED_REDIS}`);
    expect(message).toMatch(/start Redis/);
    expect(message).toMatch(/correct REDIS_URL/);
    expect(message).toMatch(/unset it/);
  });

  it('keeps the password out of the message', async () => {
    const { message } = await startupErrorOf(assertRedisReachable('redis://:s3cret@127.0.0.1:1'));

    expect(message).toContain('REDIS_URL=redis://:***@127.0.0.1:1');
    expect(message).not.toContain('s3cret');
  });
});

describe('assertPostgresReachable', () => {
  it('explains in one line that DATABASE_URL does not answer and how to fix it', async () => {
    const { message } = await startupErrorOf(assertPostgresReachable(CLOSED_POSTGRES));

    expect(message).not.toContain('\n');
    expect(message).toContain(`DATABASE_URL=${CLOSED_POSTGRES}`);
    expect(message).toContain('ECONNREFUSED');
    expect(message).toMatch(/start PostgreSQL/);
    expect(message).toMatch(/correct DATABASE_URL/);
    expect(message).toMatch(/unset it to use the embedded database/);
  });

  it('keeps the password out of the message', async () => {
    const { message } = await startupErrorOf(
      assertPostgresReachable('postgres://postgres:s3cret@127.0.0.1:1/x'),
    );

    expect(message).toContain('DATABASE_URL=postgres://postgres:***@127.0.0.1:1/x');
    expect(message).not.toContain('s3cret');
  });
});

describe('displayUrl with a password in the query string', () => {
  it('masks it as node-postgres would read it', () => {
    expect(displayUrl('postgres://u:p@h/db?password=secret&sslmode=require')).toBe(
      'postgres://u:***@h/db?password=***&sslmode=require',
    );
  });
});

describe('assertRedisReachable cause', () => {
  it('names the socket error rather than a closed connection', async () => {
    await expect(assertRedisReachable('redis://127.0.0.1:1')).rejects.toThrow(/\(ECONNREFUSED\)/);
  });
});
