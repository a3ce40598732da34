/**
 * Unit and page-logic tests. Taro's runtime does not run under Node, so `@tarojs/taro`,
 * `@tarojs/components` and NutUI are mapped to small mocks (test/mocks); the pages themselves
 * are exercised for real in the H5 build in Chromium (tests/ at the workspace root).
 */
module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: { warnOnly: false } }],
  },
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/test/mocks/taro.ts',
    '^@tarojs/components$': '<rootDir>/test/mocks/components.tsx',
    '^@nutui/nutui-react-taro$': '<rootDir>/test/mocks/nutui.tsx',
    '\\.(css|scss)$': '<rootDir>/test/mocks/style.ts',
    '\\.(png|jpe?g|gif|svg)$': '<rootDir>/test/mocks/file.ts',
    '^@/(.*)$': '<rootDir>/src/$1',
  },
  setupFiles: ['<rootDir>/test/env.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  clearMocks: true,
};
