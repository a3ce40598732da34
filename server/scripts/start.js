#!/usr/bin/env node
// Starts the API alone, building it (and the shared package) first when the build is missing or stale.
// `start.js cli/<name>` runs that command instead; `start.js backup …` / `restore …` the backup command.
const { execFileSync } = require('child_process');
const { existsSync, readdirSync, statSync } = require('fs');
const { join } = require('path');

const server = join(__dirname, '..');
const shared = join(server, '..', 'shared');

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const stale = (src, out) => !existsSync(out) || newest(src) > statSync(out).mtimeMs;
const tsc = (cwd, project) =>
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc', { paths: [cwd] }), '-p', project], { cwd, stdio: 'inherit' });

if (stale(join(shared, 'src'), join(shared, 'dist', 'cjs', 'index.js'))) {
  execFileSync('npm', ['run', 'build'], { cwd: shared, stdio: 'inherit' });
}
if (stale(join(server, 'src'), join(server, 'dist', 'main.js'))) tsc(server, 'tsconfig.build.json');
const command = process.argv[2];
require(join(server, 'dist', `${['backup', 'restore'].includes(command) ? 'backup-cli' : (command ?? 'main')}.js`));
