/**
 * One run for unit specs (src/**\/*.spec.ts) and integration specs (test/**\/*.e2e-spec.ts).
 * Nest 12 and a few of its dependencies ship only ES modules; SWC turns them into CommonJS for
 * Jest's module loader, as Node 20.19+ does natively at run time (require of ESM).
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      // As in tsconfig: an optional DTO field the client left out must not exist as `undefined`.
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const ESM_ONLY = [
  '@nestjs',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  '@borewit',
  'uint8array-extras',
  'load-esm',
  'uuid',
  'content-disposition',
  // openapi-typescript's Node API (test/foundation/typed-client.e2e-spec.ts) requires these.
  'change-case',
  'parse-json',
  'index-to-position',
  'supports-color',
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  transform: { '^.+\\.(t|j|mj)s$': swc },
  // Nested copies too (node_modules/a/node_modules/b).
  transformIgnorePatterns: [`/node_modules/(?!(.*/node_modules/)?(${ESM_ONLY.join('|')})/)`],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  setupFiles: ['<rootDir>/test/support/process-env.ts'],
  maxWorkers: process.env.JEST_MAX_WORKERS ?? 2,
  testTimeout: 30_000,
};
