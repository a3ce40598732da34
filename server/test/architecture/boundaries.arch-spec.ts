/**
 * Module boundaries of server/src (a module is the first folder under it): the rules of the workspace's
 * .dependency-cruiser.cjs, plus one that dependency-cruiser cannot state, no cycle between modules.
 * The same checks also run on a small made-up tree, so a rule that silently matches nothing cannot pass.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

interface CruiseResult {
  modules: { source: string; dependencies: { resolved: string }[] }[];
  summary: { violations: { rule: { name: string }; from: string; to: string }[] };
}

/** Cruises `server/src` under `cwd` with the workspace's rules. */
function cruise(cwd: string): CruiseResult {
  const args = ['server/src', '--config', join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'json'];
  const run = spawnSync(join(ROOT, 'node_modules/.bin/depcruise'), args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.error || !run.stdout.trim()) throw new Error(`dependency-cruiser did not run: ${run.error?.message ?? run.stderr}`);
  return JSON.parse(run.stdout) as CruiseResult;
}

/** `from → to` of every violation of one rule, sorted. */
function violations(result: CruiseResult, rule: string): string[] {
  return result.summary.violations
    .filter((v) => v.rule.name === rule)
    .map((v) => `${v.from} → ${v.to}`)
    .sort();
}

const moduleOf = (path: string): string | undefined => /^server\/src\/([^/]+)\//.exec(path)?.[1];

/** The example import shown for a module-to-module edge: production code before tests, then by name. */
const rank = (example: string): string => `${/\.(spec|int-spec)\.ts →/.test(example) ? 1 : 0}${example}`;

/**
 * Every set of modules that import each other in a loop (strongly connected components of the module graph,
 * Tarjan's algorithm), each with one file import per module-to-module edge inside the loop to start untangling from.
 */
function moduleCycles(result: CruiseResult): string[] {
  const edges = new Map<string, Map<string, string>>();
  for (const file of result.modules) {
    const from = moduleOf(file.source);
    if (!from) continue;
    for (const dependency of file.dependencies) {
      const to = moduleOf(dependency.resolved);
      if (!to || to === from) continue;
      const out = edges.get(from) ?? new Map<string, string>();
      const example = `${file.source} → ${dependency.resolved}`;
      const known = out.get(to);
      if (!known || rank(example) < rank(known)) out.set(to, example);
      edges.set(from, out);
    }
  }

  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) components.push(component.sort());
  };
  for (const node of [...edges.keys()].sort()) if (!index.has(node)) visit(node);

  return components
    .map((component) => {
      const inside = component.flatMap((from) =>
        [...(edges.get(from) ?? [])].filter(([to]) => component.includes(to)).map(([to, example]) => `    ${from} → ${to}: ${example}`),
      );
      return [component.join(', '), ...inside].join('\n');
    })
    .sort();
}

describe('server/src module boundaries', () => {
  let tree: CruiseResult;
  beforeAll(() => {
    tree = cruise(ROOT);
  });

  it("no module imports another module's entity", () => {
    expect(violations(tree, 'no-foreign-entity')).toEqual([]);
  });

  it('common imports no domain module', () => {
    expect(violations(tree, 'common-imports-no-domain')).toEqual([]);
  });

  it('module imports form no cycle', () => {
    expect(moduleCycles(tree)).toEqual([]);
  });
});

describe('the boundary rules, on a made-up tree', () => {
  const FILES: Record<string, string> = {
    'alpha/alpha.entity.ts': 'export class Alpha {}',
    'alpha/alpha.service.ts': "import { Alpha } from './alpha.entity';\nimport { Beta } from '../beta/beta.entity';\nexport const a = [Alpha, Beta];",
    'alpha/sub/deep.ts': "import type { Beta } from '../../beta/beta.entity';\nexport type B = Beta;",
    'alpha/alpha.int-spec.ts': "import { Beta } from '../beta/beta.entity';\nexport const b = Beta;",
    'alpha/alpha.spec.ts': "import { Beta } from '../beta/beta.entity';\nexport const b = Beta;",
    'beta/beta.entity.ts': 'export class Beta {}',
    'beta/beta.service.ts': "import { gamma } from '../gamma/gamma.service';\nexport const beta = gamma;",
    'gamma/gamma.service.ts': "import { a } from '../alpha/alpha.service';\nexport const gamma = a;",
    'delta/delta.service.ts':
      "import { Shared } from '../common/shared.entity';\nimport { helper } from '../common/helper';\nexport const d = [Shared, helper];",
    'epsilon/epsilon.service.ts': "import { helper } from '../common/helper';\nexport const e = helper;",
    'common/shared.entity.ts': 'export class Shared {}',
    'common/helper.ts': "import { beta } from '../beta/beta.service';\nimport { Shared } from './shared.entity';\nexport const helper = [beta, Shared];",
    'common/database/migrations/1-init.ts': "import { Beta } from '../../../beta/beta.entity';\nexport const m = Beta;",
    'app.module.ts': "import { a } from './alpha/alpha.service';\nimport { Beta } from './beta/beta.entity';\nexport const app = [a, Beta];",
  };
  let dir: string;
  let made: CruiseResult;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'xq-boundaries-'));
    for (const [file, text] of Object.entries(FILES)) {
      const path = join(dir, 'server/src', file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, `${text}\n`);
    }
    made = cruise(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("finds imports of another module's entity, type-only ones too, and of common's; spec files and migrations are exempt", () => {
    expect(violations(made, 'no-foreign-entity')).toEqual([
      'server/src/alpha/alpha.service.ts → server/src/beta/beta.entity.ts',
      'server/src/alpha/sub/deep.ts → server/src/beta/beta.entity.ts',
      'server/src/delta/delta.service.ts → server/src/common/shared.entity.ts',
    ]);
  });

  it('finds common importing a domain module, from a migration too', () => {
    expect(violations(made, 'common-imports-no-domain')).toEqual([
      'server/src/common/database/migrations/1-init.ts → server/src/beta/beta.entity.ts',
      'server/src/common/helper.ts → server/src/beta/beta.service.ts',
    ]);
  });

  it('finds a loop through three modules and nothing where imports only point one way', () => {
    expect(moduleCycles(made)).toEqual([
      [
        'alpha, beta, gamma',
        '    alpha → beta: server/src/alpha/alpha.service.ts → server/src/beta/beta.entity.ts',
        '    beta → gamma: server/src/beta/beta.service.ts → server/src/gamma/gamma.service.ts',
        '    gamma → alpha: server/src/gamma/gamma.service.ts → server/src/alpha/alpha.service.ts',
      ].join('\n'),
    ]);
  });
});
