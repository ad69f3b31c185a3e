/**
 * `npm run test:faults`: the fault suite (test/faults/*.fault-spec.ts), the same set-up as
 * `npm test` (jest.config.js) on the same real services, with faults injected through TCP relays
 * the suite starts itself and workers it kills. Each file prints the figures it measured.
 */
const base = require('./jest.config');

module.exports = {
  ...base,
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.fault-spec.ts'],
  testTimeout: 240_000,
};
