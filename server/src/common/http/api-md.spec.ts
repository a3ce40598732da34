import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * docs/api.md has a hand-written guide above the generated reference. Every route its tables name must
 * exist in the committed contract, so the guide cannot keep describing a route that moved or went away.
 */
const ROOT = join(__dirname, '../../../..');
const MARKER = '<!-- Generated from docs/openapi.json';
/** Left out of the contract on purpose: an open-ended event stream, not a request and its answer. */
const NOT_OPERATIONS = new Set(['GET /admin/live']);

describe('docs/api.md guide', () => {
  const md = readFileSync(join(ROOT, 'docs/api.md'), 'utf8');
  const doc = JSON.parse(readFileSync(join(ROOT, 'docs/openapi.json'), 'utf8')) as { paths: Record<string, Record<string, unknown>> };
  const guide = md.slice(0, md.indexOf(MARKER));

  it('is followed by the generated reference', () => {
    expect(md.indexOf(MARKER)).toBeGreaterThan(0);
  });

  it('names only routes the contract has', () => {
    const rows = [...guide.matchAll(/^\| (GET|POST|PUT|PATCH|DELETE) \| `?([^ |`]+)`? \|/gm)];
    expect(rows.length).toBeGreaterThan(100);
    const missing = rows
      .map(([, method, path]) => {
        const full = (path.startsWith('/api/') ? path : `/api/v1${path}`).replace(/:(\w+)/g, '{$1}').replace(/\?.*$/, '');
        return doc.paths[full]?.[method.toLowerCase()] || NOT_OPERATIONS.has(`${method} ${path}`) ? null : `${method} ${path}`;
      })
      .filter((r): r is string => r !== null);
    expect(missing).toEqual([]);
  });
});
