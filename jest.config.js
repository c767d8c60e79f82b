// One jest run for the whole repository; each part is a project with its own environment.
// Tests import @eer/contract from source, so no build is needed before jest.
const transform = { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] };
const moduleNameMapper = {
  '^@eer/contract$': '<rootDir>/contract/src/index.ts',
  '^@eer/local$': '<rootDir>/local/src/index.ts',
  '^@eer/solution$': '<rootDir>/solution/pack/index.ts',
  // @eer/local imports the function app's built files (dist mirrors the source tree); tests read the source.
  '^@eer/integration-functions/dist/(.*)$': '<rootDir>/integration-functions/$1',
};
// Timeouts are generous on purpose: CI has 2 cores, and a test that starts the local stack seeds a FHIR server.
// They bound a hung test; speed is measured by the benchmark scripts, never by timed tests.
const common = { rootDir: __dirname, transform, moduleNameMapper, testPathIgnorePatterns: ['/node_modules/', '/dist/', '/out/', '/[.]build-test/'], testTimeout: 120000 };

module.exports = {
  projects: [
    { ...common, displayName: 'contract', testEnvironment: 'node', roots: ['<rootDir>/contract/src'] },
    { ...common, displayName: 'functions', testEnvironment: 'node', roots: ['<rootDir>/integration-functions/src'] },
    { ...common, displayName: 'local', testEnvironment: 'node', roots: ['<rootDir>/local/src'] },
    {
      ...common,
      displayName: 'controls',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/controls'],
      setupFilesAfterEnv: ['<rootDir>/controls/shared/test/setupTests.ts'],
      testTimeout: 60000,
    },
    { ...common, displayName: 'tests', testEnvironment: 'node', roots: ['<rootDir>/tests'], testTimeout: 300000 },
    { ...common, displayName: 'solution', testEnvironment: 'node', roots: ['<rootDir>/solution/pack'] },
  ],
};
