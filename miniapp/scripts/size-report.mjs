// Package size report for the WeChat build (run after `pnpm build:weapp`).
// Prints the main package and each subpackage (sum of file sizes under dist/weapp, split by the
// subpackage roots in app.json). Exits 1 when the main package exceeds our 1 MB budget or any
// package exceeds WeChat's 2 MB limit, 2 when there is no build to measure.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN_BUDGET = 1024 * 1024; // our own budget for the main package
const PLATFORM_LIMIT = 2 * 1024 * 1024; // WeChat: main package and each subpackage
// IDE settings that sit next to the code but are not part of the uploaded package.
const NOT_PACKAGED = new Set(['project.config.json', 'project.private.config.json']);

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = join(root, process.argv[2] ?? 'dist/weapp');
const appJsonPath = join(distDir, 'app.json');

if (!existsSync(appJsonPath)) {
  console.error(`No WeChat build at ${relative(root, distDir)} (app.json missing). Run \`pnpm build:weapp\` first.`);
  process.exit(2);
}

const appJson = JSON.parse(readFileSync(appJsonPath, 'utf8'));
const subRoots = [...(appJson.subPackages ?? []), ...(appJson.subpackages ?? [])].map((p) => p.root.replace(/\/+$/, ''));

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

const packages = new Map([['(main)', { bytes: 0, files: 0 }], ...subRoots.map((r) => [r, { bytes: 0, files: 0 }])]);
for (const file of walk(distDir)) {
  const rel = relative(distDir, file).split(sep).join('/');
  if (NOT_PACKAGED.has(rel)) continue;
  const owner = subRoots.find((r) => rel === r || rel.startsWith(`${r}/`)) ?? '(main)';
  const pkg = packages.get(owner);
  pkg.bytes += statSync(file).size;
  pkg.files += 1;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const rows = [...packages.entries()].map(([name, { bytes, files }]) => {
  const limit = name === '(main)' ? MAIN_BUDGET : PLATFORM_LIMIT;
  return { name, bytes, files, limit, ok: bytes <= limit };
});
const total = rows.reduce((s, r) => s + r.bytes, 0);

const width = Math.max(...rows.map((r) => r.name.length), 'package'.length);
console.log(`WeChat package sizes (${relative(root, distDir)})`);
console.log(`${'package'.padEnd(width)}  ${'size'.padStart(10)}  ${'bytes'.padStart(9)}  files  limit`);
for (const r of rows) {
  console.log(
    `${r.name.padEnd(width)}  ${kb(r.bytes).padStart(10)}  ${String(r.bytes).padStart(9)}  ${String(r.files).padStart(5)}  ${kb(r.limit)}${r.ok ? '' : '  OVER'}`,
  );
}
console.log(`${'total'.padEnd(width)}  ${kb(total).padStart(10)}  ${String(total).padStart(9)}`);

const over = rows.filter((r) => !r.ok);
if (over.length) {
  for (const r of over) console.error(`${r.name} is ${kb(r.bytes)}, over its ${kb(r.limit)} limit`);
  process.exit(1);
}
