// Tests are TypeScript, transpiled per file by ts-jest (no type check here: `npm run typecheck`
// does that) to ES modules; Jest runs them with --experimental-vm-modules (see package.json).
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.jest.json' }],
  },
  testTimeout: 30000,
  // NSSV_E2E=skip (an explicit opt-out of the end-to-end suites) is said in the summary.
  reporters: ['default', '<rootDir>/test/reporters/e2eOptOut.mjs'],
};
