/**
 * Five projects, run in this order by scripts/test.ts:
 * - server: core rules, stores on real SQLite files and the CloudBase emulator, the built cloud
 *   functions, HTTP tests against a started local host
 * - core-cloudbase: the core rules again, on the CloudBase store (emulator)
 * - client: React components with Taro mapped to small DOM doubles (tests/doubles)
 * - weapp: the compiled weapp build under miniprogram-simulate (needs `npm run build:weapp`)
 * - e2e: the H5 build in real Chromium against the real local host (needs `npm run build:h5`)
 */
const base = {
  transform: { '^.+\\.[jt]sx?$': 'babel-jest' },
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // Built cloud function bundles are loaded as uploaded, not transformed again.
  transformIgnorePatterns: ['/node_modules/', '/bdb-bundles-'],
};

module.exports = {
  // Read from the global config (a project-level value is ignored): CI's two cores are shared by
  // jest workers, builds and Chromium, so wait for slowness, not hangs.
  testTimeout: 30_000,
  projects: [
    {
      ...base,
      displayName: 'server',
      testEnvironment: 'node',
      testMatch: [
        '<rootDir>/server/**/*.test.ts',
        '<rootDir>/contract/**/*.test.ts',
        '<rootDir>/scripts/**/*.test.ts',
      ],
    },
    {
      // The core's rule tests again, on the CloudBase store over the emulator (core-harness).
      ...base,
      displayName: 'core-cloudbase',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/server/core/**/*.test.ts'],
      setupFiles: ['<rootDir>/tests/setup/core-cloudbase.ts'],
    },
    {
      ...base,
      displayName: 'client',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}'],
      moduleNameMapper: {
        // Styles first: a shared sheet imported through the alias (@/components/…scss) is a style too.
        '\\.(css|scss)$': '<rootDir>/tests/doubles/style.ts',
        ...base.moduleNameMapper,
        '^@tarojs/components$': '<rootDir>/tests/doubles/taro-components.tsx',
        '^@tarojs/taro$': '<rootDir>/tests/doubles/taro.ts',
      },
    },
    {
      ...base,
      displayName: 'weapp',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/weapp/**/*.test.ts'],
      setupFiles: ['<rootDir>/tests/weapp/setup-globals.ts'],
    },
    {
      ...base,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
    },
  ],
};
