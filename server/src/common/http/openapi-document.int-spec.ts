import { readFileSync } from 'fs';
import { join } from 'path';
import { isDeepStrictEqual } from 'util';
import { TestApp } from '../../../test/support/test-app';
import { TEST_DB } from '../../../test/support/test-db';
import { RETURNED_SCHEMAS } from './openapi';
import { DOCUMENT_SCHEMAS, REGENERATE_COMMAND } from './openapi-document';
import { renderApiMarkdown } from './openapi-markdown';
import { generateSharedSchemas } from './openapi-schemas';
import committedSchemas from './openapi-schemas.json';

const DOCS = join(__dirname, '../../../../docs');
const readDoc = (name: string) => readFileSync(join(DOCS, name), 'utf8');

/** Where two JSON values first differ, as a readable path (the whole diff of a document is too long to read). */
function firstDifference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}/${k}`);
      if (d) return d;
    }
  }
  return `${path}: ${JSON.stringify(a)?.slice(0, 200)} <> ${JSON.stringify(b)?.slice(0, 200)}`;
}

function expectSame(actual: unknown, committed: unknown, what: string): void {
  const d = firstDifference(actual, committed);
  if (d)
    throw new Error(
      `${what} is out of date; run \`${REGENERATE_COMMAND}\` (after building the server) and commit the result. First difference (server <> committed): ${d}`,
    );
}

describe(`the committed API contract on ${TEST_DB}`, () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.start()));
  afterAll(() => t.stop());

  it('docs/openapi.json is the document the server serves', async () => {
    const served = (await t.get('/api/docs-json')).body;
    expectSame(served, JSON.parse(readDoc('openapi.json')), 'docs/openapi.json');
  });

  it('the schemas the server loads are those the shared types generate now', () => {
    expectSame(generateSharedSchemas([...RETURNED_SCHEMAS, ...DOCUMENT_SCHEMAS]), committedSchemas, 'server/src/common/http/openapi-schemas.json');
  });

  it('docs/api.md lists every operation of the document', () => {
    const apiMd = readDoc('api.md');
    if (renderApiMarkdown(JSON.parse(readDoc('openapi.json')), apiMd) !== apiMd) {
      throw new Error(`the generated part of docs/api.md is out of date; run \`${REGENERATE_COMMAND}\` and commit the result`);
    }
  });
});
