import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keepDevelopmentSecrets } from './development-secrets';

describe('keepDevelopmentSecrets', () => {
  const folder = () => join(mkdtempSync(join(tmpdir(), 'ptp-secrets-')), 'postgres');

  it('generates both secrets once and gives a restart the same ones', () => {
    const dataDir = folder();
    const first: NodeJS.ProcessEnv = { EMBEDDED_POSTGRES_DIR: dataDir };
    const file = keepDevelopmentSecrets(first);
    expect(file).toBe(join(dataDir, '..', 'secrets.json'));
    expect(first.JWT_SECRET).toMatch(/^[\w-]{64}$/);
    expect(first.EMAIL_LINK_SECRET).toMatch(/^[\w-]{64}$/);
    expect(first.JWT_SECRET).not.toBe(first.EMAIL_LINK_SECRET);
    expect(statSync(file!).mode & 0o777).toBe(0o600);
    const restart: NodeJS.ProcessEnv = { EMBEDDED_POSTGRES_DIR: dataDir };
    keepDevelopmentSecrets(restart);
    expect(restart.JWT_SECRET).toBe(first.JWT_SECRET);
    expect(restart.EMAIL_LINK_SECRET).toBe(first.EMAIL_LINK_SECRET);
  });

  it('leaves configured secrets alone and keeps only the missing one', () => {
    const dataDir = folder();
    const env: NodeJS.ProcessEnv = { EMBEDDED_POSTGRES_DIR: dataDir, JWT_SECRET: 'x'.repeat(40) };
    const file = keepDevelopmentSecrets(env);
    expect(env.JWT_SECRET).toBe('x'.repeat(40));
    expect(Object.keys(JSON.parse(readFileSync(file!, 'utf8')) as object)).toEqual([
      'EMAIL_LINK_SECRET',
    ]);
  });

  it.each(['production', 'test'])('does nothing when NODE_ENV is %s', (mode) => {
    const env: NodeJS.ProcessEnv = { NODE_ENV: mode, EMBEDDED_POSTGRES_DIR: folder() };
    expect(keepDevelopmentSecrets(env)).toBeUndefined();
    expect(env.JWT_SECRET).toBeUndefined();
  });
});
