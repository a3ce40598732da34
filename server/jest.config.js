/**
 * Three projects: `unit` (pure logic, no database), `integration` (a real app on a real database) and
 * `architecture` (module boundaries).
 * The integration project runs once per database: TEST_DB=sqlite (default) or TEST_DB=mysql.
 * @type {import('jest').Config}
 */
/**
 * Dependencies that ship ESM only (Node 20 loads them with require(); jest needs them transpiled):
 * @fastify/static -> content-disposition 3; fastify inject -> cookie 2; sanitize-html -> htmlparser2 12 and its DOM helpers.
 */
const ESM_ONLY = ['content-disposition', 'cookie', 'htmlparser2', 'domhandler', 'domutils', 'entities', 'dom-serializer', 'domelementtype'];
const esm = ESM_ONLY.join('|');

const base = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  rootDir: __dirname,
  transform: {
    '^.+\\.ts$': 'ts-jest',
    [`/node_modules/(${esm})/.+\\.js$`]: ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', isolatedModules: true } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!\\.pnpm/(${esm})@|(${esm})/)`],
};
module.exports = {
  testTimeout: 60000,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/src/**/*.int-spec.ts', '<rootDir>/test/**/*.int-spec.ts'],
      setupFiles: ['<rootDir>/test/support/setup-env.ts'],
    },
    // Module boundaries (dependency-cruiser over src/); its own suite in `npm test`.
    { ...base, displayName: 'architecture', testMatch: ['<rootDir>/test/architecture/*.arch-spec.ts'] },
  ],
};
