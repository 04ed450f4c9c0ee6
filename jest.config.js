// Four tiers, one runner (see ARCHITECTURE.md "Tests"). ESM throughout: NestJS 12 ships
// only ES modules, so jest runs with --experimental-vm-modules and @swc/jest.
const swc = [
  '@swc/jest',
  {
    swcrc: false, // .swcrc is the build's: it skips spec files
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: false },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const shared = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@dondoc/test-support$': '<rootDir>/test/support/index.ts',
    '^@dondoc/browser-support$': '<rootDir>/test/support/browser.ts',
    '^@dondoc/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironmentOptions: { globalsCleanup: 'on' },
  setupFiles: ['<rootDir>/test/support/quiet-logger.ts'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/apps/admin/'],
};

/** @type {import('jest').Config} */
export default {
  rootDir: '.',
  // Process tests start real servers; unit tests finish in milliseconds regardless.
  testTimeout: 120_000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/apps/**/src/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/apps/**/src/**/*.int-spec.ts', '<rootDir>/libs/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/fuzz\\.e2e-spec\\.ts$'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
    },
    {
      // The fuzz suite asserts that other users are answered within 1 s while it runs, so it
      // runs on its own (scripts/test.sh), not beside the other suites that load both cores.
      ...shared,
      displayName: 'security',
      testMatch: ['<rootDir>/test/e2e/fuzz.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
    },
    {
      ...shared,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      // The tests import the console's catalogues (apps/admin/src/i18n and, through en.ts,
      // ra-language-english from apps/admin/node_modules): only the console's build stays out.
      modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/apps/admin/dist/'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
    },
  ],
};
