/** Cross-app browser tests: a real server process, the real builds, Debian's Chromium. @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/e2e'],
  testMatch: ['**/*.e2e.ts'],
  testTimeout: 120000,
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: { allowJs: true, esModuleInterop: true, isolatedModules: true } }] },
};
