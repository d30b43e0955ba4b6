// Tests are TypeScript, transpiled per file by ts-jest (no type check here: `npm run typecheck`
// does that) to ES modules; Jest runs them with --experimental-vm-modules (see package.json).
export default {
  // Jest's node environment with a temporary directory per test file, removed after it (TMPDIR
  // points there while the file runs): no test leaves files, tokens among them, in /tmp. A failed
  // test also prints the stderr of its commands that exited non-zero (test/helpers/commandLog.ts).
  testEnvironment: '<rootDir>/test/helpers/failureContextEnvironment.mjs',
  // Jest's own transform cache, kept between runs, out of TMPDIR.
  cacheDirectory: '<rootDir>/node_modules/.cache/jest',
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
