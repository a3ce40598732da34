/// <reference types="node" />
// The check runs the generator itself (Node), the one test here that needs Node's types.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

describe('generated API contract', () => {
  it('src/contract/openapi.ts is what docs/openapi.json generates', () => {
    // Throws (with the script's message on stderr) when the committed types are stale.
    expect(() => execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'gen-contract.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
