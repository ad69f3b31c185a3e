import { setDefaultBackendFactory } from 'bullmq';
import { configureQueueBackend, redisOptionsFromUrl } from './queue-connection';

const DATABASE_URL = 'postgres://app:secret@127.0.0.1:5432/pt';

describe('redisOptionsFromUrl', () => {
  it.each([
    {
      name: 'host and port',
      url: 'redis://127.0.0.1:6379',
      expected: {
        host: '127.0.0.1',
        port: 6379,
        username: undefined,
        password: undefined,
        db: 0,
        tls: undefined,
      },
    },
    {
      name: 'a password without a user, and a database number',
      url: 'redis://:secret@host:6380/2',
      expected: {
        host: 'host',
        port: 6380,
        username: undefined,
        password: 'secret',
        db: 2,
        tls: undefined,
      },
    },
    {
      name: 'TLS with a user and a percent-encoded password',
      url: 'rediss://user:p%40ss@host',
      expected: { host: 'host', port: 6379, username: 'user', password: 'p@ss', db: 0, tls: {} },
    },
    {
      name: 'the default port 6379 when none is given',
      url: 'redis://cache.internal',
      expected: {
        host: 'cache.internal',
        port: 6379,
        username: undefined,
        password: undefined,
        db: 0,
        tls: undefined,
      },
    },
    {
      name: 'an IPv6 host without its brackets',
      url: 'redis://[::1]:6390/1',
      expected: {
        host: '::1',
        port: 6390,
        username: undefined,
        password: undefined,
        db: 1,
        tls: undefined,
      },
    },
  ])('reads $name from $url', ({ url, expected }) => {
    expect(redisOptionsFromUrl(url)).toEqual({ ...expected, maxRetriesPerRequest: null });
  });

  it('always lets commands wait for a reconnect, as BullMQ workers require', () => {
    expect(redisOptionsFromUrl('redis://127.0.0.1:6379').maxRetriesPerRequest).toBeNull();
  });

  it('rejects a string that is not a URL', () => {
    expect(() => redisOptionsFromUrl('127.0.0.1:6379')).toThrow('Invalid URL');
  });
});

describe('configureQueueBackend', () => {
  // configureQueueBackend sets BullMQ's process-wide default backend; restore the stock one.
  afterEach(() => {
    setDefaultBackendFactory();
  });

  it('returns ioredis options from REDIS_URL for the redis backend', () => {
    const connection = configureQueueBackend(
      { backend: 'redis', redisUrl: 'redis://:secret@host:6380/2', prefix: 'ptp' },
      DATABASE_URL,
    );

    expect(connection).toEqual(redisOptionsFromUrl('redis://:secret@host:6380/2'));
  });

  it('returns a pool configuration on DATABASE_URL for the postgres backend', () => {
    const connection = configureQueueBackend({ backend: 'postgres', prefix: 'ptp' }, DATABASE_URL);

    expect(connection).toEqual({
      connectionString: DATABASE_URL,
      max: 4,
      application_name: 'pt-practice-queue',
    });
  });

  it('ignores a REDIS_URL when the backend is postgres', () => {
    const connection = configureQueueBackend(
      { backend: 'postgres', redisUrl: 'redis://127.0.0.1:6379', prefix: 'ptp' },
      DATABASE_URL,
    );

    expect(connection).toMatchObject({ connectionString: DATABASE_URL });
  });
});
