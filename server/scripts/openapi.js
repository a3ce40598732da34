#!/usr/bin/env node
/**
 * Regenerates the API contract from the built server (run `pnpm --filter @xinqiao/server build` first;
 * `npm run build` does both):
 *   pnpm --filter @xinqiao/server openapi
 * 1. the component schemas of every shared type a route names -> src/common/http/openapi-schemas.json
 *    (and its copy in dist/), which the server loads at runtime;
 * 2. the OpenAPI document -> docs/openapi.json (keys sorted, so diffs stay readable);
 * 3. the generated reference of docs/api.md (the hand-written part above its marker is kept).
 * The app boots on an in-memory SQLite database that it never uses; nothing is listened on.
 */
process.env.DB_TYPE = 'sqlite';
const { randomBytes } = require('crypto');
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('fs');
const { tmpdir } = require('os');
const { join } = require('path');

const server = join(__dirname, '..');
const docs = join(server, '..', 'docs');
const dist = (p) => require(join(server, 'dist', p));

/** JSON with object keys in order at every level, so the same document always prints the same. */
const sorted = (v) =>
  Array.isArray(v)
    ? v.map(sorted)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, sorted(v[k])]),
        )
      : v;
const write = (file, value) => writeFileSync(file, `${JSON.stringify(sorted(value), null, 2)}\n`);

async function main() {
  const { createApp } = dist('app');
  const { loadConfig } = dist('common/config/env');
  const { generateDataKey } = dist('common/crypto/data-cipher');
  const { RETURNED_SCHEMAS } = dist('common/http/openapi');
  const { generateSharedSchemas } = dist('common/http/openapi-schemas');
  const { buildOpenApiDocument, DOCUMENT_SCHEMAS } = dist('common/http/openapi-document');
  const { renderApiMarkdown } = dist('common/http/openapi-markdown');

  const scratch = mkdtempSync(join(tmpdir(), 'xq-openapi-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: randomBytes(32).toString('base64url'),
    LOG_LEVEL: 'silent',
    SQLITE_PATH: ':memory:',
    API_DOCS: 'false',
    UPLOAD_DIR: scratch,
    ADMIN_DIST: join(scratch, 'no-admin'),
    H5_DIST: join(scratch, 'no-h5'),
    DATA_ENCRYPTION_KEYS: generateDataKey('openapi'),
  });
  const app = await createApp(config, { logger: false });
  try {
    // The controllers are loaded now, so every @Endpoint has recorded the shared type it names.
    const schemas = generateSharedSchemas([...RETURNED_SCHEMAS, ...DOCUMENT_SCHEMAS]);
    for (const dir of ['src', 'dist']) write(join(server, dir, 'common/http/openapi-schemas.json'), schemas);
    const doc = sorted(buildOpenApiDocument(app, schemas));
    write(join(docs, 'openapi.json'), doc);
    const apiMd = join(docs, 'api.md');
    writeFileSync(apiMd, renderApiMarkdown(doc, readFileSync(apiMd, 'utf8')));
    console.log(`docs/openapi.json: ${Object.keys(doc.paths).length} paths, ${Object.keys(doc.components.schemas).length} schemas`);
  } finally {
    await app.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
